package kz.prevention.eventing.catalog;

import java.util.List;

/**
 * A topic as the catalog declares it. {@code name} is logical: the deployed name is
 * {@code prevention.eventing.topic-prefix + name}. {@code owner} is the one service that
 * writes it; {@code consumers} are the services that read it. Broker ACLs (devstack's and
 * Strimzi's KafkaUsers) are derived from these two, so they are declared nowhere else.
 */
public record TopicSpec(String name, int partitions, long retentionMs, String cleanupPolicy, String owner,
        List<String> consumers, String description) {

    public TopicSpec {
        consumers = consumers == null ? List.of() : List.copyOf(consumers);
    }

    public String deadLetterName() {
        return name + ".dlt";
    }
}
