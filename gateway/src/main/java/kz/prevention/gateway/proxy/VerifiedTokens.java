package kz.prevention.gateway.proxy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import kz.prevention.gateway.limit.ClientKey;

/**
 * Bearer tokens the gateway has verified, remembered by their SHA-256 until they expire, so a system
 * sending the same token hundreds of times pays for one signature check, not one per request
 * (docs/benchmarks/gateway.md: verifying tokens was 45 % of the gateway's CPU). Only accepted tokens
 * are remembered, and only the rate-limit key they map to; the service behind verifies every token
 * itself, so nothing here decides access to data. A token signed with a key Keycloak rotates out stays
 * accepted here until it expires (the realm's access tokens live 5 minutes). Written here because
 * quarkus-oidc caches introspection and UserInfo answers, not local JWT verification.
 */
@ApplicationScoped
public class VerifiedTokens {

    private static final int MAX_TOKENS = 100_000;

    private record Verified(ClientKey client, long expiresAtMillis) {
    }

    private final Cache<String, Verified> cache = Caffeine.newBuilder().maximumSize(MAX_TOKENS)
            .expireAfter(new Expiry<String, Verified>() {
                @Override
                public long expireAfterCreate(String key, Verified v, long currentTime) {
                    return TimeUnit.MILLISECONDS.toNanos(Math.max(0, v.expiresAtMillis() - System.currentTimeMillis()));
                }

                @Override
                public long expireAfterUpdate(String key, Verified v, long currentTime, long currentDuration) {
                    return expireAfterCreate(key, v, currentTime);
                }

                @Override
                public long expireAfterRead(String key, Verified v, long currentTime, long currentDuration) {
                    return currentDuration;
                }
            }).build();
    private final Counter hits;
    private final Counter verifications;

    public VerifiedTokens(MeterRegistry registry) {
        this.hits = Counter.builder("gateway.tokens.remembered").description("requests admitted by a token verified before")
                .register(registry);
        this.verifications = Counter.builder("gateway.tokens.verified").description("bearer tokens verified and remembered")
                .register(registry);
    }

    /** The rate-limit key of a token verified before and not yet expired. */
    public Optional<ClientKey> lookup(String token) {
        Verified v = cache.getIfPresent(hash(token));
        if (v == null || v.expiresAtMillis() <= System.currentTimeMillis()) {
            return Optional.empty();
        }
        hits.increment();
        return Optional.of(v.client());
    }

    /** Remembers a token quarkus-oidc has just accepted, until its {@code exp}; a token without one is not kept. */
    public void remember(String token, SecurityIdentity identity, ClientKey client) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0) {
            long expires = TimeUnit.SECONDS.toMillis(jwt.getExpirationTime());
            if (expires > System.currentTimeMillis()) {
                cache.put(hash(token), new Verified(client, expires));
                verifications.increment();
            }
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
