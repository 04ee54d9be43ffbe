package kz.prevention.devstack.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The topics of eventing's catalog.json: the one source of the broker's topics and ACLs (devstack and Strimzi). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventCatalog(String catalogVersion, List<CatalogTopic> topics) {

    public static final String PATH = "eventing/src/main/resources/eventing/catalog.json";

    public EventCatalog {
        topics = List.copyOf(topics);
    }

    public static EventCatalog read(Path file) {
        try {
            return new ObjectMapper().readValue(file.toFile(), EventCatalog.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the event catalog " + file + ": " + e.getMessage(), e);
        }
    }

    /** Every topic name the catalog implies on a broker: its topics and their dead-letter topics. */
    public Set<String> brokerTopicNames() {
        Set<String> names = new TreeSet<>();
        for (CatalogTopic t : topics) {
            names.add(t.name());
            names.add(t.deadLetterName());
        }
        return names;
    }
}
