package kz.prevention.eventing.inbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import kz.prevention.eventing.catalog.DomainEvent;
import kz.prevention.eventing.envelope.CloudEvent;

/** What a consumer applies: a handler per payload record (the catalog binds each record to its type). */
public final class Subscriptions {

    private final Map<Class<? extends DomainEvent>, BiConsumer<DomainEvent, CloudEvent>> handlers = new LinkedHashMap<>();

    private Subscriptions() {
    }

    public static Subscriptions create() {
        return new Subscriptions();
    }

    public <T extends DomainEvent> Subscriptions on(Class<T> type, Consumer<T> handler) {
        return onEnvelope(type, (data, envelope) -> handler.accept(data));
    }

    /** For a handler that also needs the envelope (the event's id, time or version). */
    @SuppressWarnings("unchecked")
    public <T extends DomainEvent> Subscriptions onEnvelope(Class<T> type, BiConsumer<T, CloudEvent> handler) {
        if (handlers.put(type, (data, envelope) -> handler.accept((T) data, envelope)) != null) {
            throw new IllegalArgumentException(type.getName() + " is subscribed twice");
        }
        return this;
    }

    Map<Class<? extends DomainEvent>, BiConsumer<DomainEvent, CloudEvent>> handlers() {
        return handlers;
    }
}
