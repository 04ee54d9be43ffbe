package kz.prevention.eventing.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The {@code data} of a domain event: a Java record bound to exactly one catalog entry (the
 * entry's {@code payload} names the record's class). The catalog, not the record, holds the
 * event's type, topic and aggregate name, so they are written once; {@code EventContractsTest}
 * fails the build when a record and its JSON Schema disagree.
 */
public interface DomainEvent {

    /** The id of the aggregate the event belongs to: the CloudEvents {@code subject} and the Kafka key. */
    @JsonIgnore
    String aggregateId();
}
