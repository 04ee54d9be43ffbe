package kz.prevention.gateway.proxy;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.gateway.bff.CsrfGuard;
import kz.prevention.gateway.limit.ClientKey;
import kz.prevention.gateway.limit.RateLimiter;
import kz.prevention.gateway.proxy.UpstreamRoutes.Resolved;

/**
 * Decides whether a request may go on to its service: who the caller is (a verified bearer token
 * for {@code /api/**}, the session for {@code /bff/api/**}), whether the web app's change carries
 * its CSRF token, and whether the caller is within its rate. A refusal is a problem answer —
 * never a redirect to the login page, since these are API calls.
 */
@ApplicationScoped
@Startup
public class Admission {

    private final RateLimiter limiter;
    private final TokenRelay relay;
    private final CsrfGuard csrf;
    private final PublicPaths publicPaths;
    private final VerifiedTokens verified;

    public Admission(RateLimiter limiter, TokenRelay relay, CsrfGuard csrf, PublicPaths publicPaths,
            VerifiedTokens verified) {
        this.limiter = limiter;
        this.relay = relay;
        this.csrf = csrf;
        this.publicPaths = publicPaths;
        this.verified = verified;
    }

    public Uni<Forwarding> admit(RoutingContext rc, Resolved route, RequestCorrelation correlation, boolean session) {
        // Deferred, so a refusal thrown on the way (a rate limit) arrives as the Uni's failure, never as a 500.
        return Uni.createFrom().deferred(() -> decide(rc, route, correlation, session));
    }

    private Uni<Forwarding> decide(RoutingContext rc, Resolved route, RequestCorrelation correlation, boolean session) {
        if (session) {
            String refusal = csrf.refusal(rc.request());
            if (refusal != null) {
                return Uni.createFrom().failure(new Refused(ProblemType.FORBIDDEN, refusal));
            }
            return identity(rc).onItem().transformToUni(identity -> {
                if (identity.isAnonymous()) {
                    return Uni.createFrom().failure(new Refused(ProblemType.UNAUTHORIZED,
                            "Sign in first: the web app's session is missing or has ended (GET /bff/login)"));
                }
                limit(ClientKey.of(identity, true));
                return relay.tokenFor(identity, route.target())
                        .map(token -> new Forwarding(route, correlation, token, true));
            });
        }
        String authorization = rc.request().getHeader("Authorization");
        if (authorization == null && publicPaths.isPublic(route.servicePath())) {
            limit(ClientKey.anonymous(rc.request().remoteAddress().hostAddress()));
            return Uni.createFrom().item(new Forwarding(route, correlation, null, false));
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            limit(ClientKey.anonymous(rc.request().remoteAddress().hostAddress()));
            return Uni.createFrom().failure(new Refused(ProblemType.UNAUTHORIZED,
                    "Send a bearer token from the platform's Keycloak: Authorization: Bearer <access token>"));
        }
        String token = authorization.substring(7).trim();
        Optional<ClientKey> known = verified.lookup(token);
        if (known.isPresent()) {
            limit(known.get());
            return Uni.createFrom().item(new Forwarding(route, correlation, null, false));
        }
        return identity(rc).map(identity -> {
            if (identity.isAnonymous()) {
                throw new Refused(ProblemType.UNAUTHORIZED, "The bearer token was not accepted");
            }
            ClientKey client = ClientKey.of(identity, false);
            verified.remember(token, identity, client);
            limit(client);
            return new Forwarding(route, correlation, null, false);
        });
    }

    private void limit(ClientKey client) {
        RateLimiter.Decision decision = limiter.tryAcquire(client);
        if (!decision.allowed()) {
            throw new Refused(ProblemType.TOO_MANY_REQUESTS,
                    "Rate limit reached for this client; retry after " + decision.retryAfterSeconds() + " s",
                    decision.retryAfterSeconds());
        }
    }

    private static Uni<SecurityIdentity> identity(RoutingContext rc) {
        Uni<SecurityIdentity> deferred = rc.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        if (deferred == null) {
            return Uni.createFrom().failure(new IllegalStateException("no authentication on this route"));
        }
        return deferred.onFailure().transform(f -> f instanceof Refused ? f
                : new Refused(ProblemType.UNAUTHORIZED, "The bearer token or session was not accepted"));
    }

    /** A request the gateway answers itself with a problem. */
    public static final class Refused extends RuntimeException {
        private final ProblemType type;
        private final long retryAfterSeconds;

        public Refused(ProblemType type, String detail) {
            this(type, detail, 0);
        }

        public Refused(ProblemType type, String detail, long retryAfterSeconds) {
            super(detail, null, false, false);
            this.type = type;
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public ProblemType type() {
            return type;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
