package kz.prevention.eventing.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import kz.prevention.eventing.catalog.DomainEvent;
import kz.prevention.eventing.envelope.CloudEvent;

/**
 * A polled record whose envelope was readable: where it came from, the event, and its payload when it was
 * decoded ahead of the handler ({@code decoded}, else null: the handler's dispatch decodes it — a rebuild
 * decodes on its reading thread while the previous batch is written).
 */
record InboxRecord(ConsumerRecord<String, byte[]> raw, String topic, CloudEvent event, DomainEvent decoded) {

    InboxRecord(ConsumerRecord<String, byte[]> raw, String topic, CloudEvent event) {
        this(raw, topic, event, null);
    }

    String position() {
        return raw.topic() + "/" + raw.partition() + "@" + raw.offset();
    }

    String aggregateKey() {
        return InboxStore.key(topic, event.subject());
    }

    /**
     * By identity: an InboxRecord is one polled Kafka record, made once. A record's value equality
     * would hash the event's whole JSON data tree for every map of a batch — ~20 % of a rebuild's
     * CPU in JFR (docs/benchmarks/reporting.md).
     */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
