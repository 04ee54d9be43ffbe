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
    private final Map<String, EventSpec> superseded;
    private final Map<String, JsonNode> schemaDocuments;
    private final Map<String, JsonSchema> schemas;
    private final Map<Class<? extends DomainEvent>, EventSpec> byPayload;
    private final Map<String, Class<? extends DomainEvent>> payloadByType;

    private EventCatalog(List<CatalogDocument> documents, ClassLoader loader, ObjectMapper mapper) {
        this.versions = new ArrayList<>();
        this.topics = new LinkedHashMap<>();
        this.events = new LinkedHashMap<>();
        this.superseded = new LinkedHashMap<>();
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
                if (events.containsKey(e.type()) || superseded.containsKey(e.type())) {
                    throw new IllegalStateException("event type " + e.type() + " is declared twice in the event catalog");
                }
                if (e.superseded()) {
                    superseded.put(e.type(), e);
                } else {
                    events.put(e.type(), e);
                    Class<? extends DomainEvent> payload = payloadClass(loader, e);
                    if (byPayload.putIfAbsent(payload, e) != null) {
                        throw new IllegalStateException("payload " + e.payload() + " is bound to two event types");
                    }
                    payloadByType.put(e.type(), payload);
                }
                JsonNode schemaNode = readResource(loader, mapper, "eventing/" + e.schema());
                schemaDocuments.put(e.type(), schemaNode);
                schemas.put(e.type(), factory.getSchema(schemaNode, validatorConfig));
            }
        }
        superseded.values().forEach(this::bindToSuccessor);
    }

    /**
     * A superseded type's events are read into its successor's record. That is sound only when every
     * field the successor requires was required in the old type too (a version may drop fields, as
     * when personal data are minimised, never add a required one) and both describe the same
     * aggregate on the same topic; the catalog refuses to load otherwise.
     */
    private void bindToSuccessor(EventSpec old) {
        EventSpec successor = events.get(old.supersededBy());
        if (successor == null) {
            throw new IllegalStateException("event " + old.type() + " is superseded by " + old.supersededBy()
                    + ", which is not a current type of the catalog");
        }
        if (old.payload() != null) {
            throw new IllegalStateException("superseded event " + old.type() + " must not name a payload record: "
                    + "its events are read into " + successor.payload());
        }
        if (!old.topic().equals(successor.topic()) || !old.aggregate().equals(successor.aggregate())) {
            throw new IllegalStateException("event " + old.type() + " and its successor " + successor.type()
                    + " must share topic and aggregate");
        }
        Set<String> oldRequired = new TreeSet<>();
        schemaDocuments.get(old.type()).path("required").forEach(r -> oldRequired.add(r.asText()));
        List<String> missing = new ArrayList<>();
        schemaDocuments.get(successor.type()).path("required").forEach(r -> {
            if (!oldRequired.contains(r.asText())) {
                missing.add(r.asText());
            }
        });
        if (!missing.isEmpty()) {
            throw new IllegalStateException("events of " + old.type() + " cannot be read as " + successor.type()
                    + ": it requires " + missing + ", which the old type did not");
        }
        payloadByType.put(old.type(), payloadByType.get(successor.type()));
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

    /** A type of the catalog, current or superseded. */
    public Optional<EventSpec> event(String type) {
        return Optional.ofNullable(events.containsKey(type) ? events.get(type) : superseded.get(type));
    }

    /** The types published today. */
    public Collection<EventSpec> events() {
        return Collections.unmodifiableCollection(events.values());
    }

    /** Types no longer published whose events remain on the topics, each read as its successor. */
    public Collection<EventSpec> supersededEvents() {
        return Collections.unmodifiableCollection(superseded.values());
    }

    /** The older types whose events a consumer of {@code type} also reads. */
    public List<String> typesReadAs(String type) {
        return superseded.values().stream().filter(s -> s.supersededBy().equals(type)).map(EventSpec::type).toList();
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
