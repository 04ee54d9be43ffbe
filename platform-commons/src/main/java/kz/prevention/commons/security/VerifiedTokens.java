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

    /** The identity of a token verified before and not expired, bound to this request's routing context. */
    Optional<SecurityIdentity> lookup(String token, RoutingContext current) {
        if (!enabled) {
            return Optional.empty();
        }
        Optional<SecurityIdentity> remembered = memory.get(token);
        if (remembered.isEmpty()) {
            return Optional.empty();
        }
        hits.increment();
        // quarkus-oidc keeps the request's RoutingContext among the identity's attributes: give this request's.
        return Optional.of(QuarkusSecurityIdentity.builder(remembered.get())
                .addAttribute(RoutingContext.class.getName(), current).build());
    }

    /** Keeps an identity quarkus-oidc has just made of a bearer token, until the token's {@code exp}. */
    void remember(String token, SecurityIdentity identity) {
        if (!enabled) {
            return;
        }
        // Without the request it was made for: a remembered identity must not hold on to an old request.
        memory.rememberIfAbsent(token, identity, () -> QuarkusSecurityIdentity.builder(identity)
                .addAttribute(RoutingContext.class.getName(), null).build());
    }
}
