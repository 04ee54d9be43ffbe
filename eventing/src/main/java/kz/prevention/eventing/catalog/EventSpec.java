package kz.prevention.eventing.catalog;

/**
 * An event type as the catalog declares it: where it goes, the schema of its {@code data}, and
 * the record class ({@code payload}) producers and consumers use for that data.
 */
public record EventSpec(String type, String topic, String aggregate, String owner, String schema, String payload,
        String description) {
}
