package kz.prevention.eventing.catalog;

/**
 * A topic as the catalog declares it. {@code name} is logical: the deployed name is
 * {@code prevention.eventing.topic-prefix + name}.
 */
public record TopicSpec(String name, int partitions, long retentionMs, String cleanupPolicy, String owner,
        String description) {

    public String deadLetterName() {
        return name + ".dlt";
    }
}
