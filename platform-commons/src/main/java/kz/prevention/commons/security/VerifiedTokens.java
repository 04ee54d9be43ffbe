package kz.prevention.commons.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

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

    private record Remembered(SecurityIdentity identity, long expiresAtMillis) {
    }

    private final boolean enabled;
    private final Cache<String, Remembered> cache;
    private final Counter hits;

    public VerifiedTokens(
            @ConfigProperty(name = "prevention.security.token-memory.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "prevention.security.token-memory.max-tokens", defaultValue = "10000") int maxTokens,
            MeterRegistry registry) {
        this.enabled = enabled;
        this.cache = Caffeine.newBuilder().maximumSize(maxTokens).expireAfter(new Expiry<String, Remembered>() {
            @Override
            public long expireAfterCreate(String key, Remembered r, long currentTime) {
                return TimeUnit.MILLISECONDS.toNanos(Math.max(0, r.expiresAtMillis() - System.currentTimeMillis()));
            }

            @Override
            public long expireAfterUpdate(String key, Remembered r, long currentTime, long currentDuration) {
                return expireAfterCreate(key, r, currentTime);
            }

            @Override
            public long expireAfterRead(String key, Remembered r, long currentTime, long currentDuration) {
                return currentDuration;
            }
        }).build();
        this.hits = Counter.builder("prevention.tokens.remembered")
                .description("requests authenticated by a bearer token verified before").register(registry);
    }

    /** The identity of a token verified before and not expired, bound to this request's routing context. */
    Optional<SecurityIdentity> lookup(String token, RoutingContext current) {
        if (!enabled) {
            return Optional.empty();
        }
        Remembered r = cache.getIfPresent(hash(token));
        if (r == null || r.expiresAtMillis() <= System.currentTimeMillis()) {
            return Optional.empty();
        }
        hits.increment();
        // quarkus-oidc keeps the request's RoutingContext among the identity's attributes: give this request's.
        return Optional.of(QuarkusSecurityIdentity.builder(r.identity())
                .addAttribute(RoutingContext.class.getName(), current).build());
    }

    /** Keeps an identity quarkus-oidc has just made of a bearer token, until the token's {@code exp}. */
    void remember(String token, SecurityIdentity identity) {
        if (!enabled || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return;
        }
        long expires = TimeUnit.SECONDS.toMillis(jwt.getExpirationTime());
        if (expires <= System.currentTimeMillis()) {
            return;
        }
        String key = hash(token);
        if (cache.getIfPresent(key) == null) {
            // Without the request it was made for: a remembered identity must not hold on to an old request.
            cache.put(key, new Remembered(QuarkusSecurityIdentity.builder(identity)
                    .addAttribute(RoutingContext.class.getName(), null).build(), expires));
        }
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
