package kz.prevention.k8s.generate;

import static kz.prevention.k8s.generate.YamlDocs.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import kz.prevention.devstack.kafka.CatalogTopic;
import kz.prevention.devstack.kafka.EventCatalog;
import kz.prevention.k8s.model.Names;

/**
 * Strimzi KafkaTopics from the event catalog: each topic with its partitions, retention and cleanup
 * policy, and its dead-letter topic (1 partition, 90 days), as eventing's TopicProvisioner creates
 * them outside Kubernetes. Replicas are left to the broker's default.replication.factor, which each
 * overlay sets for its cluster size.
 */
public final class KafkaTopics {

    /** Dead letters each need a person to look at them: kept long (as eventing does). */
    public static final long DEAD_LETTER_RETENTION_MS = TimeUnit.DAYS.toMillis(90);

    private KafkaTopics() {
    }

    public static List<Map<String, Object>> of(EventCatalog catalog) {
        List<Map<String, Object>> topics = new ArrayList<>();
        for (CatalogTopic t : catalog.topics()) {
            topics.add(topic(t.name(), t.partitions(), t.retentionMs(), t.cleanupPolicy(), t.owner()));
            topics.add(topic(t.deadLetterName(), 1, DEAD_LETTER_RETENTION_MS, "delete", null));
        }
        return topics;
    }

    private static Map<String, Object> topic(String name, int partitions, long retentionMs, String cleanupPolicy,
            String owner) {
        Map<String, Object> labels = map("strimzi.io/cluster", Names.KAFKA_CLUSTER, "app.kubernetes.io/part-of",
                Names.PART_OF);
        if (owner != null) {
            labels.put("prevention.kz/owner", owner);
        } else {
            labels.put("prevention.kz/dead-letters", "true");
        }
        return map("apiVersion", "kafka.strimzi.io/v1", "kind", "KafkaTopic",
                "metadata", map("name", name, "labels", labels),
                "spec", map("partitions", partitions,
                        "config", map("retention.ms", retentionMs, "cleanup.policy", cleanupPolicy)));
    }

    public static String file(EventCatalog catalog) {
        return YamlDocs.write("""
                Generated from eventing/src/main/resources/eventing/catalog.json (catalog %s) by
                kz.prevention.k8s.generate.KafkaTopics: do not edit. After changing the catalog run
                ./mvnw -pl k8s test -Dtest=GeneratedFilesTest -Dk8s.regenerate=true
                """.formatted(catalog.catalogVersion()), of(catalog));
    }
}
