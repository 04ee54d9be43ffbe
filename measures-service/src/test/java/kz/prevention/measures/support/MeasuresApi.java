package kz.prevention.measures.support;

import static io.restassured.RestAssured.given;
import static kz.prevention.testing.TestTokens.juvenile;
import static kz.prevention.testing.TestTokens.officer;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.restassured.response.ValidatableResponse;
import kz.prevention.testing.TestKafka;
import kz.prevention.eventing.catalog.DomainEvent;
import kz.prevention.eventing.catalog.EventCatalog;
import kz.prevention.eventing.contract.CommissionEvents;
import kz.prevention.eventing.contract.RegistryEvents;
import kz.prevention.testing.AuthorizedRequests;

/**
 * Tokens, requests, and the registry's and commissions' events as they arrive on the real
 * broker: the tests publish them the way registry-service and commission-service do.
 */
public final class MeasuresApi {

    public static final String ALMATY = "750000000";
    public static final String ALMATY_DISTRICT = "751110000";
    public static final String ASTANA = "710000000";
    public static final String ASTANA_DISTRICT = "711210000";

    /**
     * For each executing agency the tests use, an organisation of the organisations catalog serving
     * the Almaty plans' territory (751110000): a school of Bostandyk district, the city's police, ...
     */
    public static final Map<String, String> ORGANISATIONS = Map.of("POLICE", "980340001239", "EDUCATION", "990540004566",
            "HEALTH", "050640003212", "SOCIAL", "070240006543", "FSC", "110940009870", "NGO", "960140001357",
            "JUSTICE", "030840002466", "AKIMAT", "081140003572");
    /** Another school of the same district: same agency, same territory, another organisation. */
    public static final String OTHER_SCHOOL = "011240007890";

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final EventCatalog CATALOG = EventCatalog.load(MeasuresApi.class.getClassLoader(), JSON);

    private MeasuresApi() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Almaty"));
    }

    /** A registry entry as the registry announces it, with the versions of its event stream. */
    public static final class Entry {
        public final UUID id = UUID.randomUUID();
        public final UUID personId;
        public final String region;
        public final boolean minor;
        private long version;

        public Entry(String region, boolean minor) {
            this(region, minor, UUID.randomUUID());
        }

        public Entry(String region, boolean minor, UUID personId) {
            this.region = region;
            this.minor = minor;
            this.personId = personId;
        }

        /** Publishes entry.registered and returns its envelope, so a test can deliver it again. */
        public byte[] register() {
            return publish(new RegistryEvents.EntryRegistered(id, personId,
                    minor ? "MINOR_NEGLECTED" : "PROTECTIVE_ORDER", minor ? "MINOR" : "ADULT", minor, region,
                    minor ? "EDUCATIONAL_MEASURES" : "PROTECTIVE_ORDER", today().minusDays(1), today().plusDays(29), "M",
                    "WEEKLY"));
        }

        public byte[] transfer(String toRegion) {
            return publish(new RegistryEvents.Transferred(id, UUID.randomUUID(), region, toRegion));
        }

        public byte[] remove() {
            return publish(new RegistryEvents.EntryRemoved(id, region, "TERM_ENDED", false, today()));
        }

        private byte[] publish(DomainEvent data) {
            byte[] envelope = envelope(data, ++version);
            deliver("prevention.registry.entries", id.toString(), envelope);
            return envelope;
        }
    }

    /**
     * The registry's stream of a person registered without an IIN and then merged into {@code survivor}:
     * person.registered (version 1) and person.merged (version 2), ids only.
     */
    public static void registerAndMerge(UUID merged, UUID survivor, List<UUID> movedEntries) {
        deliver("prevention.registry.persons", merged.toString(),
                envelope(new RegistryEvents.PersonRegistered(merged, "F", 1990), 1));
        deliver("prevention.registry.persons", merged.toString(),
                envelope(new RegistryEvents.PersonMerged(merged, survivor, movedEntries), 2));
    }

    /** An envelope as its producer's outbox would write it: type, topic and source from the catalog. */
    public static byte[] envelope(DomainEvent data, long version) {
        try {
            return JSON.writeValueAsBytes(CATALOG.envelope(data, version, JSON));
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Sends an envelope to a catalog topic (with the test run's prefix), as a relay would. */
    public static void deliver(String logicalTopic, String key, byte[] envelope) {
        TestKafka.send(TestKafka.topic(logicalTopic), key, envelope, Map.of("content-type", "application/cloudevents+json"));
    }

    /** A decision as published: its id, and its envelope so a test can deliver it again. */
    public record Decision(UUID id, byte[] envelope) {
    }

    /** Publishes a commission's decision.adopted. */
    public static Decision decide(String region, List<CommissionEvents.Instruction> instructions) {
        UUID decisionId = UUID.randomUUID();
        byte[] envelope = envelope(new CommissionEvents.DecisionAdopted(decisionId, UUID.randomUUID(), "MINORS", region,
                "КДН-" + decisionId.toString().substring(0, 4), today(), instructions), 1);
        deliver("prevention.commission.decisions", decisionId.toString(), envelope);
        return new Decision(decisionId, envelope);
    }

    public static CommissionEvents.Instruction instruction(String id, UUID entryId, String type, String agency,
            LocalDate due) {
        return new CommissionEvents.Instruction(id, entryId, type, agency, due);
    }

    /**
     * Waits until the entry's plan exists here and returns its id. A minute: the first entry after the
     * service starts waits for the consumer group to get its partitions, which took over 20 s on a
     * loaded two-core machine (the e2e test allows the same for its first plan).
     */
    public static String planOf(Entry entry) {
        String token = entry.minor ? juvenile(entry.region) : officer(entry.region);
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().auth().oauth2(token).queryParam("entryId", entry.id).when().get("/api/v1/plans")
                        .then().statusCode(200).extract().<String>path("items[0].id"), id -> id != null);
    }

    public static Map<String, Object> measure(String type, String agency, LocalDate due) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("executingAgency", agency);
        if (ORGANISATIONS.containsKey(agency)) {
            m.put("organisation", ORGANISATIONS.get(agency));
        }
        m.put("responsiblePerson", "Жумабаева Г. С.");
        if (due != null) {
            m.put("dueDate", due.toString());
        }
        return m;
    }

    /** An executor of the agency's organisation of {@link #ORGANISATIONS}, in the region. */
    public static String executor(String agency, String region) {
        return kz.prevention.testing.TestTokens.executor(agency, region, ORGANISATIONS.get(agency));
    }

    public static ValidatableResponse assign(String token, String planId, Map<String, Object> body) {
        return AuthorizedRequests.post(token, "/api/v1/plans/" + planId + "/measures", null, body);
    }

    /** Assigns and returns the new measure's id, failing unless it is created. */
    public static String assigned(String token, String planId, Map<String, Object> body) {
        return assign(token, planId, body).statusCode(201).extract().path("id");
    }

    public static String etag(String token, String measureId) {
        return AuthorizedRequests.get(token, "/api/v1/measures/" + measureId).statusCode(200).extract().header("ETag");
    }

    public static Map<String, Object> completion() {
        return Map.of("result", "Проведено 8 занятий; посещаемость восстановлена", "evidenceRef", "Протокол № 14");
    }
}
