package kz.prevention.eventing.outbox;

import java.util.Set;

/**
 * Tells a record that can never be sent from an outage. Kafka's own classification decides
 * most cases ({@code RetriableException}); of the others only record-specific ones park an
 * aggregate — an authorisation or configuration error is the whole service's problem and
 * keeps everything waiting (loudly), since parking would only spread it over every aggregate.
 */
final class PublishFailures {

    private static final Set<String> PERMANENT = Set.of(
            "org.apache.kafka.common.errors.RecordTooLargeException",
            "org.apache.kafka.common.errors.RecordBatchTooLargeException",
            "org.apache.kafka.common.errors.InvalidRecordException",
            "org.apache.kafka.common.errors.CorruptRecordException",
            "org.apache.kafka.common.errors.SerializationException");

    private PublishFailures() {
    }

    static boolean isPermanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (PERMANENT.contains(t.getClass().getName())) {
                return true;
            }
        }
        return false;
    }
}
