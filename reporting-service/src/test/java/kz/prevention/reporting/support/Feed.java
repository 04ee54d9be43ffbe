package kz.prevention.reporting.support;

import java.time.LocalDate;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import kz.prevention.eventing.catalog.DomainEvent;
import kz.prevention.eventing.catalog.EventCatalog;
import kz.prevention.eventing.contract.CommissionEvents;
import kz.prevention.eventing.contract.MeasuresEvents;
import kz.prevention.eventing.contract.RegistryEvents;
import kz.prevention.testing.TestKafka;

/**
 * The registry's, measures' and commissions' events as their outboxes publish them on the real
 * broker: envelopes from the catalog, one version stream per aggregate.
 */
public final class Feed {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final EventCatalog CATALOG = EventCatalog.load(Feed.class.getClassLoader(), JSON);

    private Feed() {
    }

    /** A registry entry and its stream. */
    public static final class Entry {
        public final UUID id = UUID.randomUUID();
        public final UUID personId;
        public final String region;
        public final boolean minor;
        public final String category;
        private long version;

        public Entry(String region, boolean minor) {
            this(region, minor, minor ? "MINOR_NEGLECTED_HOMELESS" : "PROTECTIVE_ORDER", UUID.randomUUID());
        }

        public Entry(String region, boolean minor, String category, UUID personId) {
            this.region = region;
            this.minor = minor;
            this.category = category;
            this.personId = personId;
        }

        public byte[] register(LocalDate on) {
            return publish("prevention.registry.entries", new RegistryEvents.EntryRegistered(id, personId, category,
                    minor ? "MINOR" : "ADULT", minor, region, minor ? "EDUCATIONAL_MEASURES" : "PROTECTIVE_ORDER", on,
                    on.plusDays(30), "M", "WEEKLY"));
        }

        public byte[] remove(LocalDate on) {
            return publish("prevention.registry.entries", new RegistryEvents.EntryRemoved(id, region, "TERM_ENDED", false, on));
        }

        public byte[] control(LocalDate visit, LocalDate due) {
            return publish("prevention.registry.entries", new RegistryEvents.ControlRecorded(id, region, visit, "HOME_VISIT", due,
                    !visit.isAfter(due), visit.plusDays(7)));
        }

        public byte[] controlOverdue(LocalDate due) {
            return publish("prevention.registry.entries", new RegistryEvents.ControlOverdue(id, region, "PROTECTIVE_ORDER", due, 3));
        }

        /** Who holds the entry from {@code on} (entry.officer-assigned): the officer's account or null, and the unit. */
        public byte[] assignOfficer(UUID officerId, String region, String agency, LocalDate on, String occasion) {
            return publish("prevention.registry.entries", new RegistryEvents.OfficerAssigned(id, region, agency, officerId,
                    on, occasion));
        }

        public byte[] deadlineMissed(String deadline, LocalDate due) {
            return publish("prevention.registry.entries", new RegistryEvents.DeadlineMissed(id, region, deadline, due,
                    "2026.11.3/2026-03-02"));
        }

        /** The term of the measure the entry rests on ended on {@code end} with the entry still on the registry. */
        public byte[] termExpired(LocalDate end) {
            return publish("prevention.registry.entries", new RegistryEvents.TermExpired(id, region,
                    minor ? "EDUCATIONAL_MEASURES" : "PROTECTIVE_ORDER", end));
        }

        /** entry.updated as the registry publishes it for each entry a person merge moves to the survivor. */
        public byte[] movedToSurvivor() {
            return publish("prevention.registry.entries", new RegistryEvents.EntryUpdated(id, region, List.of("person")));
        }

        public byte[] transfer(String to) {
            return publish("prevention.registry.entries", new RegistryEvents.Transferred(id, UUID.randomUUID(), region, to));
        }

        private byte[] publish(String topic, DomainEvent data) {
            byte[] envelope = envelope(data, ++version);
            deliver(topic, id.toString(), envelope);
            return envelope;
        }
    }

    /** A person of the registry and its stream (ids, sex and birth year only, as on the topic). */
    public static final class Person {
        public final UUID id = UUID.randomUUID();
        private long version;

        public byte[] register() {
            return publish(new RegistryEvents.PersonRegistered(id, "M", 1990));
        }

        /** person.merged: this person became a tombstone, its {@code moved} entries the survivor's. */
        public byte[] mergeInto(Person survivor, List<UUID> moved) {
            return publish(new RegistryEvents.PersonMerged(id, survivor.id, moved));
        }

        private byte[] publish(DomainEvent data) {
            byte[] envelope = envelope(data, ++version);
            deliver("prevention.registry.persons", id.toString(), envelope);
            return envelope;
        }
    }

    /** A measure and its stream. */
    public static final class Measure {
        public final UUID id = UUID.randomUUID();
        public final UUID planId;
        public final String region;
        public final Entry entry;
        public final String type;
        public final String agency;
        public final LocalDate due;
        private long version;

        public Measure(Entry entry, String type, String agency, LocalDate due) {
            this(entry, type, agency, due, UUID.randomUUID(), entry.region);
        }

        /** A measure of a given plan, recorded in {@code region} (the plan's territory when it was assigned). */
        public Measure(Entry entry, String type, String agency, LocalDate due, UUID planId, String region) {
            this.planId = planId;
            this.region = region;
            this.entry = entry;
            this.type = type;
            this.agency = agency;
            this.due = due;
        }

        public byte[] assign(LocalDate on) {
            return assign(on, null, null);
        }

        public byte[] assign(LocalDate on, UUID decisionId, String instructionId) {
            return publish(new MeasuresEvents.MeasureAssigned(id, planId, region, type, agency, "INDIVIDUAL", entry.id,
                    entry.personId, entry.minor, on, due, decisionId, instructionId));
        }

        public byte[] complete(LocalDate on) {
            return publish(new MeasuresEvents.MeasureCompleted(id, planId, region, type, agency, due, on,
                    !on.isAfter(due), null, null));
        }

        public byte[] cancel(LocalDate on) {
            return publish(new MeasuresEvents.MeasureCancelled(id, planId, region, type, agency, "PLAN_CLOSED", on));
        }

        private byte[] publish(DomainEvent data) {
            byte[] envelope = envelope(data, ++version);
            deliver("prevention.measures.measures", id.toString(), envelope);
            return envelope;
        }
    }

    /** The plan's stream as measures-service publishes it: here only its transfer (version 1 of the plan). */
    public static void transferPlan(UUID planId, UUID entryId, String from, String to) {
        deliver("prevention.measures.plans", planId.toString(),
                envelope(new MeasuresEvents.PlanTransferred(planId, entryId, from, to), 1));
    }

    public static UUID decide(String region, LocalDate on, List<CommissionEvents.Instruction> instructions) {
        UUID decisionId = UUID.randomUUID();
        deliver("prevention.commission.decisions", decisionId.toString(), envelope(new CommissionEvents.DecisionAdopted(
                decisionId, UUID.randomUUID(), "MINORS", region, "КДН-1", on, instructions), 1));
        return decisionId;
    }

    public static byte[] envelope(DomainEvent data, long version) {
        try {
            return JSON.writeValueAsBytes(CATALOG.envelope(data, version, JSON));
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * The envelope of an event of a superseded catalog type, as a topic still holds it: {@code data} with the
     * fields the old version carried besides the current ones, under the old type name.
     */
    public static byte[] supersededEnvelope(String oldType, DomainEvent data, java.util.Map<String, ?> oldFields,
            long version) {
        com.fasterxml.jackson.databind.node.ObjectNode envelope = JSON.valueToTree(CATALOG.envelope(data, version, JSON));
        if (!CATALOG.event(oldType).map(kz.prevention.eventing.catalog.EventSpec::superseded).orElse(false)) {
            throw new IllegalArgumentException(oldType + " is not a superseded type of the catalog");
        }
        envelope.put("type", oldType);
        oldFields.forEach((k, v) -> ((com.fasterxml.jackson.databind.node.ObjectNode) envelope.get("data"))
                .set(k, JSON.valueToTree(v)));
        try {
            return JSON.writeValueAsBytes(envelope);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** One producer for the whole run (a producer per record would make seeding a year slow). */
    private static KafkaProducer<String, byte[]> producer;

    public static synchronized void deliver(String logicalTopic, String key, byte[] envelope) {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrap());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            producer = new KafkaProducer<>(p);
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TestKafka.topic(logicalTopic), key, envelope);
        record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + logicalTopic, e);
        }
    }
}
