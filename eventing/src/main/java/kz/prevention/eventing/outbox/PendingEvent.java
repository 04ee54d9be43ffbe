package kz.prevention.eventing.outbox;

import java.time.Instant;

/** An outbox row not yet published: the envelope's attributes and the data as stored. */
record PendingEvent(long seq, String id, String aggregateType, String aggregateId, String type, String topic,
        long version, Instant time, String traceparent, String data) {
}
