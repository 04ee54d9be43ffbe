package kz.prevention.eventing.catalog;

/**
 * An event type as the catalog declares it: where it goes, the schema of its {@code data}, and
 * the record class ({@code payload}) producers and consumers use for that data.
 *
 * <p>A type that a newer version replaced names it in {@code supersededBy} and has no payload of
 * its own: nobody publishes it any more, but its events stay on the topics (retention is forever),
 * so consumers read them — into the successor's record — when they replay a topic.
 */
public record EventSpec(String type, String topic, String aggregate, String owner, String schema, String payload,
        String description, String supersededBy) {

    public boolean superseded() {
        return supersededBy != null;
    }
}
