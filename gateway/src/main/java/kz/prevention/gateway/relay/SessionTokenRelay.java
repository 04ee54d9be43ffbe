package kz.prevention.gateway.relay;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import kz.prevention.gateway.proxy.UpstreamRoutes.Target;

/**
 * Relays the access token of the user's session unchanged. It works because the realm's
 * {@code gateway} client adds every service as an audience of the tokens it obtains
 * (audience mappers), the same way the {@code cli} and integration clients do. quarkus-oidc
 * refreshes the session's tokens when they expire ({@code token.refresh-expired}), so the
 * token relayed here is current.
 */
@ApplicationScoped
public class SessionTokenRelay implements TokenRelay {

    @Override
    public Uni<String> tokenFor(SecurityIdentity sessionIdentity, Target upstream) {
        AccessTokenCredential credential = sessionIdentity.getCredential(AccessTokenCredential.class);
        if (credential == null || credential.getToken() == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException("the session holds no access token"));
        }
        return Uni.createFrom().item(credential.getToken());
    }
}
