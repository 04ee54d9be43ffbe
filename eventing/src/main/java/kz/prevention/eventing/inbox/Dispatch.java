package kz.prevention.eventing.inbox;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import kz.prevention.eventing.catalog.DomainEvent;
import kz.prevention.eventing.catalog.EventCatalog;
import kz.prevention.eventing.catalog.EventSpec;
import kz.prevention.eventing.envelope.CloudEvent;

/**
 * A handler's subscriptions resolved against the catalog: the topics to read, who may publish on
 * each (the topic's owner is the only legitimate {@code source}), and the typed handler per event
 * type.
 */
final class Dispatch {

    private record Route(ObjectReader reader, BiConsumer<DomainEvent, CloudEvent> handler) {
    }

    private final Map<String, Route> routes = new HashMap<>();
    private final Map<String, String> sourceByTopic = new HashMap<>();

    Dispatch(EventHandler handler, EventCatalog catalog, ObjectMapper mapper) {
        // Producers may add optional fields in a compatible change; consumers must still read the event.
        ObjectMapper lenient = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        handler.subscriptions().handlers().forEach((type, h) -> {
            EventSpec spec = catalog.specOf(type);
            Route route = new Route(lenient.readerFor(type), h);
            routes.put(spec.type(), route);
            // A replay meets the events of the versions this one superseded: they read into the same record.
            catalog.typesReadAs(spec.type()).forEach(old -> routes.put(old, route));
            String owner = catalog.topic(spec.topic()).orElseThrow().owner();
            sourceByTopic.put(spec.topic(), "/" + owner);
        });
        if (routes.isEmpty()) {
            throw new IllegalStateException("event handler " + handler.name() + " subscribes to nothing");
        }
    }

    Set<String> topics() {
        return new TreeSet<>(sourceByTopic.keySet());
    }

    /** The problem with an event's origin, or null: only the topic's owner publishes on it. */
    String sourceProblem(String topic, CloudEvent event) {
        String expected = sourceByTopic.get(topic);
        return expected == null || expected.equals(event.source()) ? null
                : "source " + event.source() + " is not " + expected + ", the owner of " + topic;
    }

    /**
     * Runs the event's handler with its payload ({@code decoded}, or decoded here when null); an event of a
     * type the handler does not subscribe to is ignored.
     */
    void apply(CloudEvent event, DomainEvent decoded) {
        Route route = routes.get(event.type());
        if (route == null) {
            return;
        }
        route.handler().accept(decoded != null ? decoded : decode(route, event), event);
    }

    /** The event's payload as its handler reads it; null for a type the handler does not subscribe to. */
    DomainEvent decode(CloudEvent event) {
        Route route = routes.get(event.type());
        return route == null ? null : decode(route, event);
    }

    private static DomainEvent decode(Route route, CloudEvent event) {
        try {
            return route.reader().readValue(event.data());
        } catch (java.io.IOException e) {
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new IllegalArgumentException("unreadable " + event.type() + " data: " + why, e);
        }
    }
}
