package kz.prevention.gateway.relay;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import kz.prevention.gateway.proxy.UpstreamRoutes.Target;

/**
 * Chooses the bearer token a service receives for a web-app user's request. The one place to
 * change when services accept only tokens of their own audience (issue 10): replace
 * {@link SessionTokenRelay} with a bean that exchanges the session's token for one per
 * upstream (RFC 8693 token exchange, Keycloak 26 standard) and caches it for its lifetime.
 * Systems' own bearer tokens are never exchanged: they reach the service as sent.
 */
public interface TokenRelay {

    /** The access token to send to {@code upstream} on behalf of the signed-in user. */
    Uni<String> tokenFor(SecurityIdentity sessionIdentity, Target upstream);
}
