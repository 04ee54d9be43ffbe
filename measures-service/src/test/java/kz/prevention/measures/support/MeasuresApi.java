package kz.prevention.measures.support;

import static io.restassured.RestAssured.given;
import static kz.prevention.testing.TestTokens.juvenile;
import static kz.prevention.testing.TestTokens.officer;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
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
import kz.prevention.eventing.envelope.CloudEvent;
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

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private MeasuresApi() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Almaty"));
    }

    /** A registry entry as the registry announces it, with the versions of its event stream. */
    public static final class Entry {
        public final UUID id = UUID.randomUUID();
        public final UUID personId = UUID.randomUUID();
        public final String region;
        public final boolean minor;
        private long version;

        public Entry(String region, boolean minor) {
            this.region = region;
            this.minor = minor;
        }

        /** Publishes entry.registered and returns its envelope, so a test can deliver it again. */
        public byte[] register() {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("entryId", id);
            data.put("caseNumber", "ALM-" + id.toString().substring(0, 6));
            data.put("personId", personId);
            data.put("category", minor ? "MINOR_NEGLECTED" : "PROTECTIVE_ORDER");
            data.put("categoryGroup", minor ? "MINOR" : "ADULT");
            data.put("minor", minor);
            data.put("region", region);
            data.put("registeringBody", "УП Бостандыкского района");
            data.put("measure", minor ? "EDUCATIONAL_MEASURES" : "PROTECTIVE_ORDER");
            data.put("startDate", today().minusDays(1));
            data.put("measureEndDate", today().plusDays(29));
            data.put("groundingDocumentType", "PROTECTIVE_ORDER");
            data.put("sex", "M");
            data.put("ageAtRegistration", minor ? 15 : 34);
            data.put("controlFrequency", "WEEKLY");
            data.put("nextControlDate", today().plusDays(6));
            return publish("kz.prevention.registry.entry.registered.v1", data);
        }

        public byte[] transfer(String toRegion) {
            return publish("kz.prevention.registry.entry.transferred.v1", Map.of("entryId", id,
                    "transferId", UUID.randomUUID(), "fromRegion", region, "toRegion", toRegion));
        }

        public byte[] remove() {
            return publish("kz.prevention.registry.entry.removed.v1", Map.of("entryId", id, "personId", personId,
                    "region", region, "reason", "TERM_ENDED", "early", false, "removalDate", today()));
        }

        private byte[] publish(String type, Map<String, Object> data) {
            byte[] envelope = envelope(type, "/registry-service", id.toString(), ++version, data);
            deliver("prevention.registry.entries", id.toString(), envelope);
            return envelope;
        }
    }

    /** An envelope as the outbox writes it: the eventing library's own CloudEvent record, dates in ISO form. */
    public static byte[] envelope(String type, String source, String subject, long version, Object data) {
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), source, type, subject,
                Instant.now(), "application/json", version, null, JSON.valueToTree(data));
        try {
            return JSON.writeValueAsBytes(event);
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
    public static Decision decide(String region, List<Map<String, Object>> instructions) {
        UUID decisionId = UUID.randomUUID();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("decisionId", decisionId);
        data.put("commissionId", UUID.randomUUID());
        data.put("commissionKind", "MINORS");
        data.put("region", region);
        data.put("number", "КДН-" + decisionId.toString().substring(0, 4));
        data.put("adoptedOn", today());
        data.put("instructions", instructions);
        byte[] envelope = envelope("kz.prevention.commission.decision.adopted.v1", "/commission-service",
                decisionId.toString(), 1, data);
        deliver("prevention.commission.decisions", decisionId.toString(), envelope);
        return new Decision(decisionId, envelope);
    }

    public static Map<String, Object> instruction(String id, UUID entryId, String type, String agency, LocalDate due) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("instructionId", id);
        i.put("entryId", entryId);
        i.put("measureType", type);
        i.put("executingAgency", agency);
        i.put("dueDate", due);
        return i;
    }

    /** Waits until the entry's plan exists here and returns its id. */
    public static String planOf(Entry entry) {
        String token = entry.minor ? juvenile(entry.region) : officer(entry.region);
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().auth().oauth2(token).queryParam("entryId", entry.id).when().get("/api/v1/plans")
                        .then().statusCode(200).extract().<String>path("items[0].id"), id -> id != null);
    }

    public static Map<String, Object> measure(String type, String agency, LocalDate due) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("executingAgency", agency);
        m.put("responsiblePerson", "Жумабаева Г. С.");
        if (due != null) {
            m.put("dueDate", due.toString());
        }
        return m;
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
