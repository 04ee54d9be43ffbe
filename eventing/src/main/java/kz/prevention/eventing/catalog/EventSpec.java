package kz.prevention.eventing.catalog;

/** An event type as the catalog declares it: where it goes and the schema of its {@code data}. */
public record EventSpec(String type, String topic, String aggregate, String owner, String schema, String description) {
}
