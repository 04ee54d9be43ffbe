package kz.prevention.eventing.inbox;

/**
 * What a consumer does with an event whose {@code aggregateversion} is more than one above the
 * last version it applied for that aggregate.
 *
 * <p>Within one topic Kafka keeps an aggregate's events in order, so a gap means earlier events
 * are not coming: they were trimmed by retention before this consumer first read the topic, or
 * the consumer joined late. Waiting rarely helps, which is why {@link #APPLY} is the default.
 */
public enum GapPolicy {
    /** Apply the event, count the gap in {@code eventing_inbox_gaps_total} and log it. */
    APPLY,
    /**
     * Hold the partition and retry, in case the missing version arrives (for a handler whose state
     * would be wrong without it); after {@code prevention.eventing.inbox.gap-max-wait} the event
     * goes to the dead-letter topic so the stream moves on and a person can look at it.
     */
    WAIT
}
