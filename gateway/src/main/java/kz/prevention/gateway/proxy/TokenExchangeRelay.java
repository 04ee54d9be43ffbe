package kz.prevention.gateway.proxy;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.client.NamedOidcClient;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClientException;
import io.quarkus.oidc.client.Tokens;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.gateway.proxy.Admission.Refused;
import kz.prevention.gateway.proxy.UpstreamRoutes.Target;
import kz.prevention.gateway.proxy.TokenRelay;

/**
 * Relays to each service a token meant for that service only: the session's access token (audience
 * {@code gateway}) is exchanged at Keycloak for one with audience {@code <service>} (RFC 8693, Keycloak's
 * standard token exchange, enabled on the realm's {@code gateway} client; the service's client scope of
 * the same name is an optional scope of that client). The exchanged token is the user's — same subject,
 * roles and claims — so the service decides access as before, but a token leaked by one service is
 * refused by every other.
 * <p>
 * An exchanged token is kept per (session token, service) until {@value #SKEW_SECONDS} s before it
 * expires, so a page load costs one exchange per service, not one per request; parallel requests for
 * the same pair share one exchange in flight. When quarkus-oidc refreshes the session's token, the new
 * token is exchanged anew. Keycloak refusing the exchange (the session ended there) is a 401 — sign in
 * again; Keycloak unreachable is a 503. Metric: {@code gateway_tokens_exchanged_total}.
 */
@ApplicationScoped
public class TokenExchangeRelay implements TokenRelay {

    private static final Logger LOG = Logger.getLogger(TokenExchangeRelay.class);
    static final long SKEW_SECONDS = 30;
    private static final int MAX_ENTRIES = 50_000;

    private record Key(String sessionToken, String audience) {
    }

    private final OidcClient exchange;
    private final Clock clock;
    private final AsyncCache<Key, Tokens> cache;
    private final Counter exchanges;

    @Inject
    public TokenExchangeRelay(@NamedOidcClient("exchange") OidcClient exchange, MeterRegistry registry) {
        this(exchange, registry, Clock.systemUTC());
    }

    TokenExchangeRelay(OidcClient exchange, MeterRegistry registry, Clock clock) {
        this.exchange = exchange;
        this.clock = clock;
        this.exchanges = Counter.builder("gateway.tokens.exchanged")
                .description("session tokens exchanged at Keycloak for a service's token").register(registry);
        this.cache = Caffeine.newBuilder().maximumSize(MAX_ENTRIES)
                .executor(Runnable::run)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfter(new UntilShortlyBeforeExpiry()).buildAsync();
    }

    @Override
    public Uni<String> tokenFor(SecurityIdentity sessionIdentity, Target upstream) {
        AccessTokenCredential credential = sessionIdentity.getCredential(AccessTokenCredential.class);
        if (credential == null || credential.getToken() == null) {
            return Uni.createFrom().failure(new Refused(ProblemType.UNAUTHORIZED,
                    "Sign in again: the web app's session holds no access token (GET /bff/login)"));
        }
        Key key = new Key(credential.getToken(), upstream.service());
        // A dependent stage per request: a caller that goes away cancels its own, never the shared exchange.
        return Uni.createFrom().completionStage(() -> cache.get(key, (k, executor) -> exchange(k))
                .thenApply(Tokens::getAccessToken));
    }

    private CompletableFuture<Tokens> exchange(Key key) {
        exchanges.increment();
        Map<String, String> grant = Map.of("subject_token", key.sessionToken(), "audience", key.audience(),
                "scope", key.audience());
        return exchange.getTokens(grant)
                .onFailure().transform(f -> refusal(f, key.audience()))
                .subscribeAsCompletionStage();
    }

    private static Throwable refusal(Throwable failure, String audience) {
        if (failure instanceof OidcClientException && String.valueOf(failure.getMessage()).contains("status:")) {
            // Keycloak answered and refused: the session's token is no longer active there (signed out, session ended).
            LOG.warnf("Keycloak refused to exchange a session token for audience %s: %s", audience, failure.getMessage());
            return new Refused(ProblemType.UNAUTHORIZED, "Sign in again: the session is no longer valid (GET /bff/login)");
        }
        LOG.warnf(failure, "token exchange for audience %s failed", audience);
        return new Refused(ProblemType.UNAVAILABLE, "The sign-in service did not answer; retry shortly");
    }

    /** An exchanged token is kept until {@value #SKEW_SECONDS} s before its {@code exp} (at once, when it has none). */
    private final class UntilShortlyBeforeExpiry implements Expiry<Key, Tokens> {
        @Override
        public long expireAfterCreate(Key key, Tokens tokens, long currentTime) {
            Long expiresAt = tokens.getAccessTokenExpiresAt();
            if (expiresAt == null) {
                return 0;
            }
            long millis = TimeUnit.SECONDS.toMillis(expiresAt - SKEW_SECONDS) - clock.millis();
            return TimeUnit.MILLISECONDS.toNanos(Math.max(0, millis));
        }

        @Override
        public long expireAfterUpdate(Key key, Tokens tokens, long currentTime, long currentDuration) {
            return expireAfterCreate(key, tokens, currentTime);
        }

        @Override
        public long expireAfterRead(Key key, Tokens tokens, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
