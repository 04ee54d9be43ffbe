package kz.prevention.commission.support;

import static kz.prevention.commission.support.CommissionApi.today;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import kz.prevention.eventing.catalog.DomainEvent;
import kz.prevention.eventing.catalog.EventCatalog;
import kz.prevention.eventing.contract.RegistryEvents;
import kz.prevention.testing.TestKafka;

/** The registry's and measures' events as their outboxes would publish them, on the real broker. */
public final class Events {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final EventCatalog CATALOG = EventCatalog.load(Events.class.getClassLoader(), JSON);

    private Events() {
    }

    public static byte[] envelope(DomainEvent data, long version) {
        try {
            return JSON.writeValueAsBytes(CATALOG.envelope(data, version, JSON));
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    public static void deliver(String logicalTopic, String key, byte[] envelope) {
        TestKafka.send(TestKafka.topic(logicalTopic), key, envelope, Map.of("content-type", "application/cloudevents+json"));
    }

    /** A registry entry registered in a territory: its envelope, so a test can deliver it again. */
    public record Registration(UUID entryId, UUID personId, byte[] envelope) {
        public void redeliver() {
            deliver("prevention.registry.entries", entryId.toString(), envelope);
        }
    }

    /** A measure made of an instruction, as measures-service announces it: assigned (v1), then one more event (v2). */
    public record Measure(UUID id, UUID decisionId, String instructionId, String agency, java.time.LocalDate due) {

        public static Measure assign(UUID decisionId, String instructionId, String agency, String type, java.time.LocalDate due) {
            Measure m = new Measure(UUID.randomUUID(), decisionId, instructionId, agency, due);
            publish(m.id, new kz.prevention.eventing.contract.MeasuresEvents.MeasureAssigned(m.id, UUID.randomUUID(), "751110000",
                    type, agency, "GENERAL", null, null, false, today(), due, decisionId, instructionId), 1);
            return m;
        }

        public void complete(java.time.LocalDate on) {
            publish(id, new kz.prevention.eventing.contract.MeasuresEvents.MeasureCompleted(id, UUID.randomUUID(), "751110000",
                    "PUBLIC_PLACES", agency, due, on, !on.isAfter(due), decisionId, instructionId), 2);
        }

        public void overdue(java.time.LocalDate detectedOn) {
            publish(id, new kz.prevention.eventing.contract.MeasuresEvents.MeasureOverdue(id, UUID.randomUUID(), "751110000",
                    "PUBLIC_PLACES", agency, due, detectedOn, (int) java.time.temporal.ChronoUnit.DAYS.between(due, detectedOn),
                    decisionId, instructionId), 2);
        }

        private static void publish(UUID measureId, DomainEvent data, long version) {
            deliver("prevention.measures.measures", measureId.toString(), envelope(data, version));
        }
    }

    /** A minor's individual measure of a plan, as measures-service announces it: assigned (v1), then ended (v2). */
    public record PlanMeasure(UUID id, UUID entryId, UUID personId, String region, String type, java.time.LocalDate due) {

        public static PlanMeasure assign(String region, String type, boolean minor) {
            return assign(region, type, minor, UUID.randomUUID());
        }

        /** The same, for a measure of a given person's plan. */
        public static PlanMeasure assign(String region, String type, boolean minor, UUID personId) {
            PlanMeasure m = new PlanMeasure(UUID.randomUUID(), UUID.randomUUID(), personId, region, type,
                    today().plusMonths(6));
            Measure.publish(m.id, new kz.prevention.eventing.contract.MeasuresEvents.MeasureAssigned(m.id, UUID.randomUUID(),
                    region, type, "EDUCATION", "INDIVIDUAL", m.entryId, m.personId, minor, today(), m.due, null, null), 1);
            return m;
        }

        public void complete(java.time.LocalDate on) {
            Measure.publish(id, completion(on), 2);
        }

        /** The completion again, under the same version, as a redelivery brings it. */
        public void redeliverCompletion(java.time.LocalDate on) {
            complete(on);
        }

        public void cancel(java.time.LocalDate on) {
            Measure.publish(id, new kz.prevention.eventing.contract.MeasuresEvents.MeasureCancelled(id, UUID.randomUUID(), region,
                    type, "EDUCATION", "court revoked the placement", on), 2);
        }

        private DomainEvent completion(java.time.LocalDate on) {
            return new kz.prevention.eventing.contract.MeasuresEvents.MeasureCompleted(id, UUID.randomUUID(), region, type,
                    "EDUCATION", due, on, !on.isAfter(due), null, null);
        }
    }

    /** measure.overdue of a measure no instruction concerns (the measure's first event here). */
    public static void overdueMeasure(String agency, String region, java.time.LocalDate due, java.time.LocalDate detectedOn) {
        UUID id = UUID.randomUUID();
        deliver("prevention.measures.measures", id.toString(), envelope(new kz.prevention.eventing.contract.MeasuresEvents
                .MeasureOverdue(id, UUID.randomUUID(), region, "PREVENTIVE_CONVERSATION", agency, due, detectedOn,
                        (int) java.time.temporal.ChronoUnit.DAYS.between(due, detectedOn), null, null), 1));
    }

    /**
     * The registry's stream of a person registered without an IIN and then merged into {@code survivor}:
     * person.registered (version 1) and person.merged (version 2), ids only.
     */
    public static void registerAndMerge(UUID merged, UUID survivor, java.util.List<UUID> movedEntries) {
        deliver("prevention.registry.persons", merged.toString(),
                envelope(new RegistryEvents.PersonRegistered(merged, "F", 2012), 1));
        deliver("prevention.registry.persons", merged.toString(),
                envelope(new RegistryEvents.PersonMerged(merged, survivor, movedEntries), 2));
    }

    public static Registration register(String region, boolean minor) {
        return register(region, minor, UUID.randomUUID());
    }

    /** An entry of a given person registered in a territory. */
    public static Registration register(String region, boolean minor, UUID personId) {
        UUID entryId = UUID.randomUUID();
        byte[] envelope = envelope(new RegistryEvents.EntryRegistered(entryId, personId,
                minor ? "MINOR_NEGLECTED" : "PROTECTIVE_ORDER", minor ? "MINOR" : "ADULT", minor, region,
                minor ? "EDUCATIONAL_MEASURES" : "PROTECTIVE_ORDER", today().minusDays(1), today().plusDays(29), "M",
                "WEEKLY"), 1);
        Registration r = new Registration(entryId, personId, envelope);
        r.redeliver();
        return r;
    }
}
