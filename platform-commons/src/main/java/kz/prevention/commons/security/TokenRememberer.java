package kz.prevention.commons.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the identity quarkus-oidc made of a bearer access token in {@link VerifiedTokens}, after every
 * other augmentor has run (the lowest priority), so a remembered identity is the finished one.
 */
@ApplicationScoped
@Unremovable
public class TokenRememberer implements SecurityIdentityAugmentor {

    private final VerifiedTokens tokens;

    public TokenRememberer(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!identity.isAnonymous()) {
            AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
            if (credential != null && !credential.isOpaque()) {
                tokens.remember(credential.getToken(), identity);
            }
        }
        return Uni.createFrom().item(identity);
    }
}
