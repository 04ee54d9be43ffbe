package kz.prevention.eventing.inbox;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Per-consumer counters of what the inbox did, the commit-to-applied delay of events, and
 * {@code eventing_inbox_anomalies_total{kind}} — stale, gap, quarantined, malformed, poison —
 * each one an event a person must look at: alert on any increase.
 */
final class InboxMetrics {

    private final MeterRegistry registry;
    private final String consumer;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter deadLettered;
    private final Timer latency;

    InboxMetrics(MeterRegistry registry, String consumer) {
        this.registry = registry;
        this.consumer = consumer;
        this.applied = Counter.builder("eventing.inbox.applied").tag("consumer", consumer).register(registry);
        this.duplicates = Counter.builder("eventing.inbox.duplicates")
                .description("Redelivered, replayed or twice-published events that changed nothing")
                .tag("consumer", consumer).register(registry);
        this.deadLettered = Counter.builder("eventing.inbox.dead.lettered")
                .description("Events sent to a dead-letter topic: each needs a person to look at it")
                .tag("consumer", consumer).register(registry);
        this.latency = Timer.builder("eventing.inbox.delivery.latency")
                .description("From the event's time (its producer's commit) to its application here")
                .publishPercentiles(0.5, 0.99).tag("consumer", consumer).register(registry);
        for (String kind : new String[] {"stale", "gap", "quarantined", "malformed", "poison"}) {
            anomalies(kind);
        }
    }

    /** Counted after the batch committed. */
    void count(Verdict verdict, Instant eventTime) {
        switch (verdict.kind()) {
            case APPLIED -> {
                applied.increment();
                if (eventTime != null) {
                    latency.record(Duration.between(eventTime, Instant.now()));
                }
            }
            case DUPLICATE -> duplicates.increment();
            default -> {
                // Dead letters are counted when sent; holds are not finished.
            }
        }
    }

    void deadLettered(String reason) {
        deadLettered.increment();
        anomalies(kindOf(reason)).increment();
    }

    static String kindOf(String reason) {
        if (reason.startsWith("stale")) {
            return "stale";
        }
        if (reason.startsWith("version gap")) {
            return "gap";
        }
        if (reason.startsWith("aggregate quarantined")) {
            return "quarantined";
        }
        if (reason.startsWith("malformed") || reason.startsWith("not a readable")) {
            return "malformed";
        }
        return "poison";
    }

    private Counter anomalies(String kind) {
        return Counter.builder("eventing.inbox.anomalies")
                .description("Events not applied because something is wrong (stale, gap, quarantined, malformed,"
                        + " poison): alert on any increase")
                .tag("consumer", consumer).tag("kind", kind).register(registry);
    }
}
