package kz.prevention.gateway.proxy;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import kz.prevention.gateway.proxy.UpstreamRoutes.Target;

/**
 * Chooses the bearer token a service receives for a web-app user's request: one whose audience is
 * that service only ({@link TokenExchangeRelay}), since each service accepts only tokens of its own
 * audience (issue 10). Systems' own bearer tokens are never exchanged: they reach the service as sent,
 * and the service checks their audience.
 */
public interface TokenRelay {

    /** The access token to send to {@code upstream} on behalf of the signed-in user. */
    Uni<String> tokenFor(SecurityIdentity sessionIdentity, Target upstream);
}
