package kz.prevention.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClientException;
import io.quarkus.oidc.client.Tokens;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.gateway.proxy.Admission.Refused;
import kz.prevention.gateway.proxy.UpstreamRoutes.Target;
import kz.prevention.gateway.proxy.TokenExchangeRelay;

/**
 * The web app's token relay without a Keycloak: what it asks the token endpoint for, and that it asks
 * once per (session token, service) while the answer is fresh. (Against the real Keycloak: e2e's
 * GatewayLoginIT and WebAppBrowserIT.)
 */
class TokenExchangeRelayTest {

    private static final Target REGISTRY = new Target("registry", "registry-service", URI.create("http://127.0.0.1:1"));
    private static final Target MEASURES = new Target("measures", "measures-service", URI.create("http://127.0.0.1:2"));

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-26T10:00:00Z"));
    private final RecordingKeycloak keycloak = new RecordingKeycloak();
    private final TokenExchangeRelay relay = new TokenExchangeRelay(keycloak, new SimpleMeterRegistry(), clock);

    @Test
    void asksKeycloakToExchangeTheSessionTokenForOneOfTheUpstreamsAudienceOnly() {
        String token = relay(session("session-1"), REGISTRY);

        assertThat(token).isEqualTo("exchanged-1-for-registry-service");
        assertThat(keycloak.requests).containsExactly(
                Map.of("subject_token", "session-1", "audience", "registry-service", "scope", "registry-service"));
    }

    @Test
    void aPageLoadCostsOneExchangePerServiceNotOnePerRequest() {
        SecurityIdentity session = session("session-1");

        for (int i = 0; i < 5; i++) {
            relay(session, REGISTRY);
            relay(session, MEASURES);
        }

        assertThat(keycloak.requests).extracting(r -> r.get("audience"))
                .containsExactly("registry-service", "measures-service");
    }

    @Test
    void aRefreshedSessionTokenIsExchangedAnew() {
        relay(session("session-1"), REGISTRY);
        String second = relay(session("session-2"), REGISTRY);

        assertThat(second).isEqualTo("exchanged-2-for-registry-service");
        assertThat(keycloak.requests).extracting(r -> r.get("subject_token")).containsExactly("session-1", "session-2");
    }

    @Test
    void anExchangedTokenIsUsedUntilShortlyBeforeItExpiresThenExchangedAgain() {
        SecurityIdentity session = session("session-1");
        relay(session, REGISTRY);

        clock.advance(Duration.ofSeconds(300 - TokenExchangeRelay.SKEW_SECONDS - 1));
        assertThat(relay(session, REGISTRY)).isEqualTo("exchanged-1-for-registry-service");
        clock.advance(Duration.ofSeconds(2));
        assertThat(relay(session, REGISTRY)).isEqualTo("exchanged-2-for-registry-service");
    }

    @Test
    void keycloakRefusingTheExchangeMeansSignInAgainAndIsNotRemembered() {
        keycloak.refuse = true;
        assertThatThrownBy(() -> relay(session("session-1"), REGISTRY)).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.type()).isEqualTo(ProblemType.UNAUTHORIZED));

        keycloak.refuse = false;
        assertThat(relay(session("session-1"), REGISTRY)).isEqualTo("exchanged-1-for-registry-service");
        assertThat(keycloak.requests).hasSize(2);
    }

    @Test
    void parallelRequestsShareOneExchangeAndOneGoingAwayDoesNotCancelItForTheOthers() {
        CompletableFuture<Tokens> answer = new CompletableFuture<>();
        keycloak.pending = answer;
        SecurityIdentity session = session("session-1");

        Cancellable leaving = relay.tokenFor(session, REGISTRY).subscribe().with(t -> {
        });
        CompletableFuture<String> staying = relay.tokenFor(session, REGISTRY).subscribeAsCompletionStage();
        leaving.cancel();
        answer.complete(new Tokens("exchanged-late", clock.instant().getEpochSecond() + 300, null, null, null, null, "gateway"));

        assertThat(staying.join()).isEqualTo("exchanged-late");
        assertThat(keycloak.requests).hasSize(1);
    }

    @Test
    void keycloakUnreachableIsA503() {
        keycloak.down = true;
        assertThatThrownBy(() -> relay(session("session-1"), REGISTRY)).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.type()).isEqualTo(ProblemType.UNAVAILABLE));
    }

    @Test
    void aSessionWithoutAnAccessTokenIsUnauthorized() {
        SecurityIdentity noToken = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("someone")).build();
        assertThatThrownBy(() -> relay(noToken, REGISTRY)).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.type()).isEqualTo(ProblemType.UNAUTHORIZED));
        assertThat(keycloak.requests).isEmpty();
    }

    private String relay(SecurityIdentity session, Target upstream) {
        return relay.tokenFor(session, upstream).await().atMost(Duration.ofSeconds(5));
    }

    private static SecurityIdentity session(String accessToken) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("secretary.almaty"))
                .addCredential(new AccessTokenCredential(accessToken)).build();
    }

    /** Keycloak's token endpoint: answers each exchange with a new token living 300 s, as the realm's do. */
    private final class RecordingKeycloak implements OidcClient {
        final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
        final AtomicInteger issued = new AtomicInteger();
        volatile boolean refuse;
        volatile boolean down;
        volatile CompletableFuture<Tokens> pending;

        @Override
        public Uni<Tokens> getTokens(Map<String, String> additionalGrantParameters) {
            requests.add(Map.copyOf(additionalGrantParameters));
            if (pending != null) {
                return Uni.createFrom().completionStage(pending);
            }
            if (down) {
                return Uni.createFrom().failure(new OidcClientException("OIDC Server is not available"));
            }
            if (refuse) {
                return Uni.createFrom().failure(new OidcClientException(
                        "exchange OidcClient has failed to complete the exchange grant request:  status: 400, error message: invalid_token"));
            }
            String token = "exchanged-" + issued.incrementAndGet() + "-for-" + additionalGrantParameters.get("audience");
            return Uni.createFrom().item(new Tokens(token, clock.instant().getEpochSecond() + 300, null, null, null,
                    null, "gateway"));
        }

        @Override
        public Uni<Tokens> refreshTokens(String refreshToken, Map<String, String> additionalGrantParameters) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Uni<Boolean> revokeAccessToken(String accessToken, Map<String, String> additionalParameters) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }

    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
