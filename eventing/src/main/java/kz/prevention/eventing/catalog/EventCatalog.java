package kz.prevention.eventing.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The event catalog: every topic and event type of the platform, with the JSON Schema of each
 * type's {@code data}. One source of truth, read from every {@code eventing/catalog.json} on
 * the class path; the AsyncAPI document is generated from it.
 */
public final class EventCatalog {

    public static final String RESOURCE = "eventing/catalog.json";

    private final List<String> versions;
    private final Map<String, TopicSpec> topics;
    private final Map<String, EventSpec> events;
    private final Map<String, JsonNode> schemaDocuments;
    private final Map<String, JsonSchema> schemas;
    private final Map<Class<? extends DomainEvent>, EventSpec> byPayload;
    private final Map<String, Class<? extends DomainEvent>> payloadByType;

    private EventCatalog(List<CatalogDocument> documents, ClassLoader loader, ObjectMapper mapper) {
        this.versions = new ArrayList<>();
        this.topics = new LinkedHashMap<>();
        this.events = new LinkedHashMap<>();
        this.schemaDocuments = new LinkedHashMap<>();
        this.schemas = new LinkedHashMap<>();
        this.byPayload = new LinkedHashMap<>();
        this.payloadByType = new LinkedHashMap<>();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig validatorConfig = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        for (CatalogDocument doc : documents) {
            versions.add(doc.catalogVersion());
            for (TopicSpec t : doc.topics()) {
                if (topics.putIfAbsent(t.name(), t) != null) {
                    throw new IllegalStateException("topic " + t.name() + " is declared twice in the event catalog");
                }
            }
        }
        for (CatalogDocument doc : documents) {
            for (EventSpec e : doc.events()) {
                if (!topics.containsKey(e.topic())) {
                    throw new IllegalStateException("event " + e.type() + " names undeclared topic " + e.topic());
                }
                if (events.putIfAbsent(e.type(), e) != null) {
                    throw new IllegalStateException("event type " + e.type() + " is declared twice in the event catalog");
                }
                Class<? extends DomainEvent> payload = payloadClass(loader, e);
                if (byPayload.putIfAbsent(payload, e) != null) {
                    throw new IllegalStateException("payload " + e.payload() + " is bound to two event types");
                }
                payloadByType.put(e.type(), payload);
                JsonNode schemaNode = readResource(loader, mapper, "eventing/" + e.schema());
                schemaDocuments.put(e.type(), schemaNode);
                schemas.put(e.type(), factory.getSchema(schemaNode, validatorConfig));
            }
        }
    }

    /** Loads and merges every catalog file visible to the class loader. */
    public static EventCatalog load(ClassLoader loader, ObjectMapper mapper) {
        ObjectMapper strict = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        List<CatalogDocument> documents = new ArrayList<>();
        try {
            Enumeration<URL> urls = loader.getResources(RESOURCE);
            for (URL url : Collections.list(urls)) {
                try (InputStream in = url.openStream()) {
                    documents.add(strict.readValue(in, CatalogDocument.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the event catalog", e);
        }
        if (documents.isEmpty()) {
            throw new IllegalStateException("no " + RESOURCE + " on the class path");
        }
        return new EventCatalog(documents, loader, mapper);
    }

    /** The catalog entry a payload record is bound to; a record the catalog does not bind is a bug. */
    public EventSpec specOf(Class<? extends DomainEvent> payload) {
        EventSpec spec = byPayload.get(payload);
        if (spec == null) {
            throw new SchemaViolationException(payload.getName(), List.of("the record is not the payload of any catalog event"));
        }
        return spec;
    }

    /** The record class of a catalog type, for consumers reading the data of an envelope. */
    public Class<? extends DomainEvent> payloadOf(String type) {
        Class<? extends DomainEvent> payload = payloadByType.get(type);
        if (payload == null) {
            throw new IllegalArgumentException("type " + type + " is not in the event catalog");
        }
        return payload;
    }

    /**
     * The envelope its owner would publish for {@code data} at {@code version}: type and source
     * from the catalog, subject from the record. For test fixtures and tools that speak for a producer.
     */
    public kz.prevention.eventing.envelope.CloudEvent envelope(DomainEvent data, long version, ObjectMapper mapper) {
        EventSpec spec = specOf(data.getClass());
        return new kz.prevention.eventing.envelope.CloudEvent(kz.prevention.eventing.envelope.CloudEvent.SPEC_VERSION,
                java.util.UUID.randomUUID().toString(), "/" + topics.get(spec.topic()).owner(), spec.type(),
                data.aggregateId(), java.time.Instant.now(), "application/json", version, null, mapper.valueToTree(data));
    }

    public Optional<EventSpec> event(String type) {
        return Optional.ofNullable(events.get(type));
    }

    public Collection<EventSpec> events() {
        return Collections.unmodifiableCollection(events.values());
    }

    public Collection<TopicSpec> topics() {
        return Collections.unmodifiableCollection(topics.values());
    }

    public Optional<TopicSpec> topic(String name) {
        return Optional.ofNullable(topics.get(name));
    }

    public JsonNode schemaDocument(String type) {
        return schemaDocuments.get(type);
    }

    public String version() {
        return String.join("+", versions);
    }

    /** The schema violations of {@code data} for {@code type}; a type the catalog does not list is one too. */
    public List<String> violations(String type, JsonNode data) {
        JsonSchema schema = schemas.get(type);
        if (schema == null) {
            return List.of("type " + type + " is not in the event catalog");
        }
        Set<ValidationMessage> messages = schema.validate(data);
        Set<String> sorted = new TreeSet<>();
        messages.forEach(m -> sorted.add(m.getMessage()));
        return List.copyOf(sorted);
    }

    public void requireValid(String type, JsonNode data) {
        List<String> problems = violations(type, data);
        if (!problems.isEmpty()) {
            throw new SchemaViolationException(type, problems);
        }
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends DomainEvent> payloadClass(ClassLoader loader, EventSpec e) {
        if (e.payload() == null || e.payload().isBlank()) {
            throw new IllegalStateException("event " + e.type() + " names no payload record class");
        }
        try {
            Class<?> c = Class.forName(e.payload(), false, loader);
            if (!c.isRecord() || !DomainEvent.class.isAssignableFrom(c)) {
                throw new IllegalStateException("payload " + e.payload() + " of " + e.type()
                        + " must be a record implementing DomainEvent");
            }
            return (Class<? extends DomainEvent>) c;
        } catch (ClassNotFoundException ex) {
            throw new IllegalStateException("payload class " + e.payload() + " of " + e.type() + " is not on the class path", ex);
        }
    }

    private static JsonNode readResource(ClassLoader loader, ObjectMapper mapper, String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("event catalog schema " + path + " is missing");
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
