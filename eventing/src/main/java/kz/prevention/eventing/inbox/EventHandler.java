package kz.prevention.eventing.inbox;

/**
 * A consumer of domain events. Implement it as an {@code @ApplicationScoped} bean and the
 * eventing library runs a Kafka consumer for it, applying each event exactly once in effect:
 * the handlers run inside the inbox transaction, together with the record that the events were
 * applied, a poll's records at a time.
 *
 * <pre>{@code
 * public String name() { return "plans"; }
 * public Subscriptions subscriptions() {
 *     return Subscriptions.create()
 *             .on(EntryRegistered.class, this::registered)
 *             .on(EntryRemoved.class, this::removed);
 * }
 * }</pre>
 *
 * The topics follow from the catalog entries the payload records are bound to; events of other
 * types on those topics are recorded (so versions stay contiguous) and otherwise ignored.
 * Throwing rolls the batch back; the events are then applied one by one, and one that keeps
 * failing goes to the dead-letter topic and quarantines its aggregate (see the README).
 */
public interface EventHandler {

    /**
     * Stable name of this consumer: part of its Kafka consumer group and of its inbox keys.
     * Renaming it makes it a new consumer that starts from the beginning of the topics.
     */
    String name();

    /** The event records this consumer applies, each with its handler. */
    Subscriptions subscriptions();
}
