package kz.prevention.commons.security;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.quarkus.security.identity.SecurityIdentity;
import kz.prevention.commons.crypto.Sha256;

/**
 * What a verified bearer token stands for ({@code V}), remembered by the token's SHA-256 (never the token
 * itself) until the token's {@code exp}, at most {@code maxTokens} of them. The services' identity memory
 * ({@link VerifiedTokens}) and the gateway's rate-limit keys share it.
 */
public final class TokenMemory<V> {

    private record Entry<V>(V value, long expiresAtMillis) {
    }

    private final Cache<String, Entry<V>> cache;

    public TokenMemory(int maxTokens) {
        this.cache = Caffeine.newBuilder().maximumSize(maxTokens).expireAfter(new Expiry<String, Entry<V>>() {
            @Override
            public long expireAfterCreate(String key, Entry<V> e, long currentTime) {
                return TimeUnit.MILLISECONDS.toNanos(Math.max(0, e.expiresAtMillis() - System.currentTimeMillis()));
            }

            @Override
            public long expireAfterUpdate(String key, Entry<V> e, long currentTime, long currentDuration) {
                return expireAfterCreate(key, e, currentTime);
            }

            @Override
            public long expireAfterRead(String key, Entry<V> e, long currentTime, long currentDuration) {
                return currentDuration;
            }
        }).build();
    }

    /** What the token stands for, if it was remembered and has not expired. */
    public Optional<V> get(String token) {
        Entry<V> e = cache.getIfPresent(Sha256.hex(token));
        return e == null || e.expiresAtMillis() <= System.currentTimeMillis() ? Optional.empty() : Optional.of(e.value());
    }

    /**
     * Remembers what an identity quarkus-oidc has just accepted stands for, until its JWT's {@code exp}; what
     * is already remembered for the token stays, and the value is made only when there is none. Returns false
     * (nothing kept) for an identity without a JWT, without {@code exp} or already expired.
     */
    public boolean remember(String token, SecurityIdentity identity, Supplier<V> value) {
        long expires = expiry(identity);
        if (expires <= System.currentTimeMillis()) {
            return false;
        }
        cache.asMap().computeIfAbsent(Sha256.hex(token), k -> new Entry<>(value.get(), expires));
        return true;
    }

    /** The JWT's {@code exp} in milliseconds, or 0 for an identity without a JWT or without {@code exp}. */
    private static long expiry(SecurityIdentity identity) {
        return identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0
                ? TimeUnit.SECONDS.toMillis(jwt.getExpirationTime()) : 0;
    }
}
