package kz.prevention.commons.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;

/**
 * Answers a bearer access token verified before from {@link VerifiedTokens}; for any other token it
 * answers nothing, and Quarkus asks the next provider, quarkus-oidc's, which verifies it. It must be
 * asked first: quarkus-oidc's provider ranks above an ordinary priority (a provider at 1000 was
 * never asked), hence the highest. Only access tokens sent as bearer tokens; the web app's code-flow
 * tokens (the gateway's session) always go to quarkus-oidc, which refreshes them.
 */
@ApplicationScoped
@Unremovable
public class RememberedTokenProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final VerifiedTokens tokens;

    public RememberedTokenProvider(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!(request.getToken() instanceof AccessTokenCredential credential) || credential.isOpaque()) {
            return Uni.createFrom().nullItem();
        }
        return tokens.lookup(credential.getToken(), HttpSecurityUtils.getRoutingContextAttribute(request))
                .map(identity -> Uni.createFrom().item(identity))
                .orElseGet(() -> Uni.createFrom().nullItem());
    }
}
