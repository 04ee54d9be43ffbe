package kz.prevention.measures.support;

import static io.restassured.RestAssured.given;
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
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import kz.prevention.testing.TestKafka;
import kz.prevention.testing.TestTokens;

/**
 * Tokens, requests, and the registry's and commissions' events as they arrive on the real
 * broker: the tests publish them the way registry-service and commission-service do.
 */
public final class MeasuresApi {

    public static final String ALMATY = "750000000";
    public static final String ALMATY_DISTRICT = "751110000";
    public static final String ASTANA = "710000000";
    public static final String ASTANA_DISTRICT = "711210000";

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private MeasuresApi() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Almaty"));
    }

    public static String officer(String region) {
        return TestTokens.user("officer." + region).roles("registry-officer").agency("POLICE").region(region).sign();
    }

    public static String juvenile(String region) {
        return TestTokens.user("juvenile." + region).roles("registry-officer", "juvenile-inspector").agency("POLICE")
                .region(region).sign();
    }

    public static String executor(String agency, String region) {
        return TestTokens.user("executor." + agency + "." + region).roles("measures-executor").agency(agency)
                .region(region).sign();
    }

    public static String supervisor() {
        return TestTokens.user("supervisor.kz").roles("supervisor").agency("PROSECUTOR").region("000000000").sign();
    }

    public static String role(String role, String region) {
        return TestTokens.user(role + "." + region).roles(role).agency("GOV").region(region).sign();
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

    public static byte[] envelope(String type, String source, String subject, long version, Object data) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("specversion", "1.0");
        e.put("id", UUID.randomUUID().toString());
        e.put("source", source);
        e.put("type", type);
        e.put("subject", subject);
        e.put("time", Instant.now().toString());
        e.put("datacontenttype", "application/json");
        e.put("aggregateversion", version);
        e.put("data", data);
        try {
            return JSON.writeValueAsBytes(e);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Sends an envelope to a catalog topic (with the test run's prefix), as a relay would. */
    public static void deliver(String logicalTopic, String key, byte[] envelope) {
        TestKafka.send(TestKafka.topic(logicalTopic), key, envelope, Map.of("content-type", "application/cloudevents+json"));
    }

    /** Publishes a commission's decision.adopted. */
    public static UUID decide(String region, List<Map<String, Object>> instructions) {
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
        lastDecisionEnvelope = envelope;
        return decisionId;
    }

    public static byte[] lastDecisionEnvelope;

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
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/plans/" + planId + "/measures").then();
    }

    /** Assigns and returns the new measure's id, failing unless it is created. */
    public static String assigned(String token, String planId, Map<String, Object> body) {
        return assign(token, planId, body).statusCode(201).extract().path("id");
    }

    public static ValidatableResponse get(String token, String path) {
        return given().auth().oauth2(token).when().get(path).then();
    }

    public static String etag(String token, String measureId) {
        return get(token, "/api/v1/measures/" + measureId).statusCode(200).extract().header("ETag");
    }

    public static ValidatableResponse post(String token, String path, String ifMatch, Object body) {
        var req = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            req = req.header("If-Match", ifMatch);
        }
        return req.when().post(path).then();
    }

    public static ValidatableResponse patch(String token, String path, String ifMatch, Object body) {
        var req = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            req = req.header("If-Match", ifMatch);
        }
        return req.when().patch(path).then();
    }

    public static Map<String, Object> completion() {
        return Map.of("result", "Проведено 8 занятий; посещаемость восстановлена", "evidenceRef", "Протокол № 14");
    }
}
