package kz.prevention.eventing.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import kz.prevention.eventing.envelope.CloudEvent;

/** A polled record whose envelope was readable: where it came from, and the event. */
record InboxRecord(ConsumerRecord<String, byte[]> raw, String topic, CloudEvent event) {

    String position() {
        return raw.topic() + "/" + raw.partition() + "@" + raw.offset();
    }

    String aggregateKey() {
        return InboxStore.key(topic, event.subject());
    }
}
