package kz.prevention.commons.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * Bearer tokens quarkus-oidc has verified, with the identity it made of each, remembered by the
 * token's SHA-256 until the token's {@code exp}. A system or the gateway sends the same token for
 * minutes; verifying it again each time (RS256, the JWT's JSON parsed twice, base64url) was about a
 * third of the registry's CPU on a GET by id (docs/benchmarks/platform-analysis.md). Only identities
 * quarkus-oidc accepted are kept; a token that fails verification is never remembered, and one past
 * its {@code exp} is not answered from memory. What is given up: a token signed with a key Keycloak
 * rotates out stays accepted until it expires (the realm's access tokens live 5 minutes) — as for
 * any JWT, which is never checked with Keycloak per request. Written here because quarkus-oidc
 * caches introspection and UserInfo answers, not local JWT verification.
 */
@ApplicationScoped
public class VerifiedTokens {

    private final boolean enabled;
    private final TokenMemory<SecurityIdentity> memory;
    private final Counter hits;

    public VerifiedTokens(
            @ConfigProperty(name = "prevention.security.token-memory.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "prevention.security.token-memory.max-tokens", defaultValue = "10000") int maxTokens,
            MeterRegistry registry) {
        this.enabled = enabled;
        this.memory = new TokenMemory<>(maxTokens);
        this.hits = Counter.builder("prevention.tokens.remembered")
                .description("requests authenticated by a bearer token verified before").register(registry);
    }

    /**
     * The identity of a token verified before and not expired, as remembered: shared by the token's
     * requests, without a routing context. quarkus-oidc puts the request's RoutingContext among an
     * identity's attributes; what reads it back (quarkus-oidc's tenant-specific and step-up
     * authentication, its WebSocket identity update, form login) is not on the path of a remembered bearer
     * token. Binding each request's context meant a copy of the identity per request, ~5 % of the event
     * loop's time on a GET by id (JFR, docs/benchmarks/platform-analysis.md).
     */
    Optional<SecurityIdentity> lookup(String token) {
        if (!enabled) {
            return Optional.empty();
        }
        Optional<SecurityIdentity> remembered = memory.get(token);
        if (remembered.isPresent()) {
            hits.increment();
        }
        return remembered;
    }

    /** Keeps an identity quarkus-oidc has just made of a bearer token, until the token's {@code exp}. */
    void remember(String token, SecurityIdentity identity) {
        if (!enabled) {
            return;
        }
        // Without the request it was made for: a remembered identity must not hold on to an old request.
        memory.remember(token, identity, () -> QuarkusSecurityIdentity.builder(identity)
                .addAttribute(RoutingContext.class.getName(), null).build());
    }
}
