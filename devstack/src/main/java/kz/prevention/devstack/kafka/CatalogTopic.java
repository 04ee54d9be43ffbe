package kz.prevention.devstack.kafka;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A topic as eventing's catalog.json declares it. The same shape as eventing's {@code TopicSpec},
 * read here from the file rather than through the eventing library, which would put Quarkus on
 * the classpath of devstack (and of k8s, which uses it) for one record.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogTopic(String name, int partitions, long retentionMs, String cleanupPolicy, String owner,
        List<String> consumers) {

    public CatalogTopic {
        consumers = consumers == null ? List.of() : List.copyOf(consumers);
    }

    public String deadLetterName() {
        return name + ".dlt";
    }
}
