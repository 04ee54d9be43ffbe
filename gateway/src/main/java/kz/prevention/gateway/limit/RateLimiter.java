package kz.prevention.gateway.limit;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import kz.prevention.gateway.config.GatewayConfig;

/**
 * One token bucket per client (Bucket4j, lock-free), kept in a size-bounded Caffeine cache so a
 * flood of distinct addresses cannot exhaust memory. A client that was forgotten starts with a
 * full bucket, which errs towards serving it.
 */
@ApplicationScoped
@Startup
public class RateLimiter {

    private final GatewayConfig.RateLimit config;
    private final Cache<String, Bucket> buckets;

    public RateLimiter(GatewayConfig config) {
        this.config = config.rateLimit();
        this.buckets = Caffeine.newBuilder()
                .maximumSize(this.config.maxClients())
                .expireAfterAccess(refillTime().plusMinutes(1))
                .build();
    }

    /** Takes one request from the client's bucket. */
    public Decision tryAcquire(ClientKey client) {
        if (!config.enabled()) {
            return Decision.ALLOWED;
        }
        Bucket bucket = buckets.get(client.value(), k -> newBucket());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return new Decision(true, probe.getRemainingTokens(), 0);
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return new Decision(false, 0, seconds);
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(config.capacity())
                        .refillGreedy(config.refill(), config.period())
                        .build())
                .build();
    }

    private Duration refillTime() {
        long periods = Math.max(1, config.capacity() / Math.max(1, config.refill()));
        return config.period().multipliedBy(periods);
    }

    /** Whether the request may pass; when not, after how many seconds to retry. */
    public record Decision(boolean allowed, long remaining, long retryAfterSeconds) {
        static final Decision ALLOWED = new Decision(true, Long.MAX_VALUE, 0);
    }
}
