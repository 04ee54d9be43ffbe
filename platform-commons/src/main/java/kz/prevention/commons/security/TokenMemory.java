package kz.prevention.commons.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.quarkus.security.identity.SecurityIdentity;

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
        Entry<V> e = cache.getIfPresent(hash(token));
        return e == null || e.expiresAtMillis() <= System.currentTimeMillis() ? Optional.empty() : Optional.of(e.value());
    }

    /**
     * Remembers what an identity quarkus-oidc has just accepted stands for, until its JWT's {@code exp};
     * returns false (nothing kept) for an identity without a JWT, without {@code exp} or already expired.
     */
    public boolean remember(String token, SecurityIdentity identity, V value) {
        long expires = expiry(identity);
        if (expires <= System.currentTimeMillis()) {
            return false;
        }
        cache.put(hash(token), new Entry<>(value, expires));
        return true;
    }

    /**
     * As {@link #remember}, but keeps what is already remembered for the token and makes the value only when
     * there is none (one hash of the token either way).
     */
    public void rememberIfAbsent(String token, SecurityIdentity identity, Supplier<V> value) {
        long expires = expiry(identity);
        if (expires > System.currentTimeMillis()) {
            cache.asMap().computeIfAbsent(hash(token), k -> new Entry<>(value.get(), expires));
        }
    }

    /** The JWT's {@code exp} in milliseconds, or 0 for an identity without a JWT or without {@code exp}. */
    private static long expiry(SecurityIdentity identity) {
        return identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0
                ? TimeUnit.SECONDS.toMillis(jwt.getExpirationTime()) : 0;
    }

    // One digest per thread: MessageDigest.getInstance looks the algorithm up among the security providers
    // on every call, and this runs on the event loop for every request with a bearer token.
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    });

    private static String hash(String token) {
        return HexFormat.of().formatHex(SHA_256.get().digest(token.getBytes(StandardCharsets.US_ASCII)));
    }
}
