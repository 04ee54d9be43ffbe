package kz.prevention.eventing.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of the event backbone, {@code prevention.eventing.*}. */
@ConfigMapping(prefix = "prevention.eventing")
public interface EventingConfig {

    /** CloudEvents {@code source}; defaults to {@code /<quarkus.application.name>}. */
    Optional<String> source();

    /**
     * Prepended to every topic name: isolates test runs or environments sharing a cluster.
     * (Optional because SmallRye Config treats an empty default as no value at all.)
     */
    Optional<String> topicPrefix();

    default String prefix() {
        return topicPrefix().orElse("");
    }

    /** Validate each recorded event's data against its JSON Schema (a failure aborts the transaction). */
    @WithDefault("true")
    boolean validate();

    Relay relay();

    Inbox inbox();

    Topics topics();

    interface Relay {
        /** Run the outbox relay in this process. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("500")
        int batchSize();

        /** Fallback poll when no NOTIFY arrives (a lost notification delays, never loses, an event). */
        @WithDefault("1s")
        Duration pollInterval();

        @WithDefault("100ms")
        Duration minBackoff();

        @WithDefault("30s")
        Duration maxBackoff();

        /** How long sent rows stay in the outbox (for audits and replays) before pruning. */
        @WithDefault("7d")
        Duration retention();

        @WithDefault("1h")
        Duration pruneInterval();

        /** How often a standby replica tries to become the relay leader. */
        @WithDefault("5s")
        Duration leaderRetry();
    }

    interface Inbox {
        /** Run the consumers of this process's {@code EventHandler} beans. */
        @WithDefault("true")
        boolean enabled();

        /** Attempts at an event whose handler throws a non-transient error before it is dead-lettered. */
        @WithDefault("3")
        int maxAttempts();

        @WithDefault("200ms")
        Duration retryBackoff();

        @WithDefault("30s")
        Duration maxRetryBackoff();

        /** Under {@code GapPolicy.WAIT}: how long to wait for a missing version before dead-lettering. */
        @WithDefault("2m")
        Duration gapMaxWait();

        @WithDefault("500ms")
        Duration pollTimeout();
    }

    interface Topics {
        /** Create the catalog's topics (and dead-letter topics) at start if missing. */
        @WithDefault("true")
        boolean create();

        /** Replication factor of created topics; 1 on a single-node broker. */
        @WithDefault("1")
        short replicationFactor();
    }
}
