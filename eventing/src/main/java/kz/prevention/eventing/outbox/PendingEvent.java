package kz.prevention.eventing.outbox;

import java.time.Instant;

/** An outbox row not yet published. */
record PendingEvent(long seq, String aggregateId, String topic, String payload, Instant createdAt) {
}
