package kz.prevention.eventing.inbox;

import java.util.Set;

import kz.prevention.eventing.envelope.CloudEvent;

/**
 * A consumer of domain events. Implement it as an {@code @ApplicationScoped} bean and the
 * eventing library runs a Kafka consumer for it, applying each event exactly once in effect:
 * {@link #handle} runs inside the inbox transaction, together with the record that the event
 * was applied. Throwing rolls both back; the event is retried, then dead-lettered.
 */
public interface EventHandler {

    /**
     * Stable name of this consumer: part of its Kafka consumer group and of its inbox keys.
     * Renaming it makes it a new consumer that starts from the beginning of the topics.
     */
    String name();

    /** Logical topic names from the event catalog. */
    Set<String> topics();

    /** What to do when an aggregate's version skips ahead of the last one applied. */
    default GapPolicy gapPolicy() {
        return GapPolicy.APPLY;
    }

    /**
     * Applies one event. Called for every event on the topics, in order per aggregate; ignore
     * the types you do not need (the inbox still records them, to keep versions contiguous).
     */
    void handle(CloudEvent event);
}
