package kz.prevention.commons.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Unremovable;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Authenticates a request whose bearer access token quarkus-oidc verified before, from
 * {@link VerifiedTokens}, ahead of quarkus-oidc's own mechanism; any other request it leaves to the
 * next mechanism (null identity, no challenge), which is quarkus-oidc's. A mechanism rather than an
 * identity provider: quarkus-oidc's mechanism decodes the JWT's JSON to build its credential before any
 * provider is asked, which was ~8 % of the registry's CPU on a GET by id even with the identity
 * remembered (JFR, docs/benchmarks/platform-analysis.md). Only the {@code Authorization: Bearer}
 * header is read; the gateway's session cookies always go to quarkus-oidc, which refreshes them.
 */
@ApplicationScoped
@Unremovable
public class RememberedBearerMechanism implements HttpAuthenticationMechanism {

    private static final String SCHEME = "Bearer ";

    private final VerifiedTokens tokens;

    public RememberedBearerMechanism(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= SCHEME.length()
                || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Uni.createFrom().nullItem();
        }
        return tokens.lookup(header.substring(SCHEME.length()).trim())
                .map(identity -> Uni.createFrom().item(identity))
                .orElseGet(() -> Uni.createFrom().nullItem());
    }

    /** Never the one to challenge: a request it did not authenticate is quarkus-oidc's to answer. */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        return Uni.createFrom().item(false);
    }

    /** Asked first (mechanisms are tried from the highest priority; quarkus-oidc's is just above the default). */
    @Override
    public int getPriority() {
        return Integer.MAX_VALUE;
    }
}
