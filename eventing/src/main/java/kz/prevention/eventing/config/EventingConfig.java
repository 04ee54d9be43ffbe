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

        /**
         * How often the leader looks for rows written by other replicas (its own JVM's commits wake it
         * at once); a missed wake delays an event by at most this, never loses it.
         */
        @WithDefault("250ms")
        Duration pollInterval();

        /**
         * The largest envelope sent; a bigger one parks its aggregate instead of failing forever.
         * Keep it at or below the producer's {@code max.request.size} and the broker's {@code message.max.bytes}.
         */
        @WithDefault("1000000")
        int maxRecordBytes();

        @WithDefault("100ms")
        Duration minBackoff();

        @WithDefault("30s")
        Duration maxBackoff();

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

        /**
         * How long a partition is held when an aggregate's next version has not arrived (a reordering,
         * e.g. partitions added by hand) before the event is dead-lettered with the reason.
         */
        @WithDefault("2m")
        Duration gapMaxWait();

        /** Records a consumer applies in one transaction (Kafka's max.poll.records). */
        @WithDefault("500")
        int batchSize();

        /**
         * How long applied event ids are kept to recognise redeliveries. Older ones are pruned; an
         * event older than this whose version was already applied counts as a redelivery too.
         */
        @WithDefault("30d")
        Duration retention();

        @WithDefault("1h")
        Duration pruneInterval();

        @WithDefault("500ms")
        Duration pollTimeout();

        /**
         * Records a rebuild applies in one transaction. Two batches are in memory at once (one written, the
         * next decoded), and in devstack's 96 MB heap a batch that outlives a young collection is promoted
         * and dies in the old generation: each rebuild of 142,620 records took ~40 full collections (~4 s
         * of its 9 s) with 5,000, 7 (0.5 s) with 500 — 15,500–16,200 against 23,200–26,700 records/s warm,
         * interleaved runs (platform-analysis.md, session 28). Larger batches save round trips only where
         * the heap holds them young: 53,934 records took 10.2 s with 10,000 and 4.6 s with 5,000.
         */
        @WithDefault("500")
        int rebuildBatchSize();
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
