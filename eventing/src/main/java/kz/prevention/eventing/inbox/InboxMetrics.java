package kz.prevention.eventing.inbox;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Per-consumer counters of what the inbox did, and the commit-to-applied delay of events. */
final class InboxMetrics {

    private final Counter applied;
    private final Counter duplicates;
    private final Counter stale;
    private final Counter deadLettered;
    private final Counter gaps;
    private final Timer latency;

    InboxMetrics(MeterRegistry registry, String consumer) {
        this.applied = Counter.builder("eventing.inbox.applied").tag("consumer", consumer).register(registry);
        this.duplicates = Counter.builder("eventing.inbox.duplicates")
                .description("Redelivered, replayed or twice-published events that changed nothing")
                .tag("consumer", consumer).register(registry);
        this.stale = Counter.builder("eventing.inbox.stale").tag("consumer", consumer).register(registry);
        this.deadLettered = Counter.builder("eventing.inbox.dead.lettered")
                .description("Events sent to a dead-letter topic: each needs a person to look at it")
                .tag("consumer", consumer).register(registry);
        this.gaps = Counter.builder("eventing.inbox.gaps").tag("consumer", consumer).register(registry);
        this.latency = Timer.builder("eventing.inbox.delivery.latency")
                .description("From the event's time (its producer's commit) to its application here")
                .publishPercentiles(0.5, 0.99).tag("consumer", consumer).register(registry);
    }

    void count(ApplyResult result, Instant eventTime) {
        switch (result) {
            case APPLIED -> {
                applied.increment();
                if (eventTime != null) {
                    latency.record(Duration.between(eventTime, Instant.now()));
                }
            }
            case DUPLICATE -> duplicates.increment();
            case STALE -> stale.increment();
        }
    }

    void deadLettered() {
        deadLettered.increment();
    }

    void gap() {
        gaps.increment();
    }
}
