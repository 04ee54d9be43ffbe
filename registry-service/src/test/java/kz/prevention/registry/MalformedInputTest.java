package kz.prevention.registry;

import static io.restassured.RestAssured.given;
import static kz.prevention.registry.support.RegistryApi.ALMATY;
import static kz.prevention.registry.support.RegistryApi.adult;
import static kz.prevention.registry.support.RegistryApi.officer;
import static kz.prevention.registry.support.RegistryApi.registered;
import static kz.prevention.registry.support.RegistryApi.registration;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * 1,000 generated malformed requests — broken JSON, wrong types, missing and unknown fields,
 * absurd values, bad parameters and headers — against every writing endpoint and the search:
 * not one answer is a 5xx, every error is problem+json, and no half-written data remains.
 */
@QuarkusTest
class MalformedInputTest {

    private static final int REQUESTS = 1000;
    private static final Object[] ODD_VALUES = {null, 0, -1, 1e308, Long.MAX_VALUE, true, "", " ", "x".repeat(10_000),
            "'; DROP TABLE person; --", "\u0000\u0001\u001f", "😀🚔", "2026-13-45", "9999-12-31", "0001-01-01",
            "-2026-01-01", List.of(), List.of(1, 2), Map.of(), Map.of("a", Map.of("b", List.of())), "NaN",
            "../../etc/passwd", "<script>alert(1)</script>", "%00", "750000000750000000"};

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper mapper;

    private final Random random = new Random(20261125L);
    private final String token = officer(ALMATY);

    @Test
    void malformedRequestsNeverGet5xxAlwaysGetProblemsAndLeaveNoPartialRows() throws Exception {
        String entry = registered(token, registration(adult(), "OFFICIAL_WARNING", ALMATY));
        long entriesBefore = count("SELECT count(*) FROM registry_entry");
        int created = 0;
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();

        for (int i = 0; i < REQUESTS; i++) {
            Attempt a = generate(i, entry);
            Response r = a.send(given().auth().oauth2(token));
            int status = r.statusCode();
            statuses.merge(status, 1, Integer::sum);
            String contentType = r.contentType() == null ? "" : r.contentType();
            if (status >= 500) {
                failures.add(a.description + " -> " + status + " " + r.asString());
            } else if (status >= 400 && !contentType.startsWith("application/problem+json")) {
                failures.add(a.description + " -> " + status + " with " + contentType + ": " + r.asString());
            } else if (status == 201) {
                created++;
            }
        }

        System.out.println("malformed-input statuses over " + REQUESTS + " requests: " + statuses);
        assertThat(failures).as("responses that broke the contract").isEmpty();
        assertThat(count("SELECT count(*) FROM registry_entry") - entriesBefore).as("entries created").isEqualTo(created);
        assertThat(count("SELECT count(*) FROM person p WHERE NOT EXISTS"
                + " (SELECT 1 FROM registry_entry e WHERE e.person_id = p.id)")).as("persons without an entry").isZero();
        assertThat(count("SELECT count(*) FROM registry_entry e WHERE NOT EXISTS (SELECT 1 FROM outbox o"
                + " WHERE o.aggregateid = e.id::text AND o.type = 'kz.prevention.registry.entry.registered.v1')"))
                .as("entries without their registration event").isZero();
        assertThat(count("SELECT count(*) FROM registry_entry e WHERE NOT EXISTS (SELECT 1 FROM audit_log a"
                + " WHERE a.resource_id = e.id::text AND a.action = 'CREATE')")).as("entries without an audit row").isZero();
    }

    private Attempt generate(int i, String entry) throws Exception {
        return switch (i % 10) {
            case 0 -> rawBody("POST", "/api/v1/entries", brokenJson());
            case 1, 2, 3 -> json("POST", "/api/v1/entries", mutate(registrationBody()), null);
            case 4 -> json("POST", "/api/v1/entries/" + entry + "/controls", mutate(controlBody()), null);
            case 5 -> json("PATCH", "/api/v1/entries/" + entry, mutate(new LinkedHashMap<>(Map.of("riskLevel", "LOW",
                    "responsibleOfficer", Map.of("name", "x")))), odd(new String[] {"\"0\"", "garbage", "", "W/\"x\"", "*"}));
            case 6 -> json("POST", "/api/v1/entries/" + entry + "/removal", mutate(removalBody()), "\"999\"");
            case 7 -> query();
            case 8 -> headers();
            default -> json("POST", "/api/v1/entries/" + odd(new String[] {"not-a-uuid", UUID.randomUUID().toString(),
                    "%2e%2e", "00000000-0000-0000-0000-000000000000"}) + "/extensions", mutate(extensionBody()), "\"0\"");
        };
    }

    private Map<String, Object> registrationBody() {
        return new LinkedHashMap<>(registration(adult(), "OFFICIAL_WARNING", ALMATY));
    }

    private Map<String, Object> controlBody() {
        return new LinkedHashMap<>(Map.of("visitDate", "2026-11-01", "officer", "x", "form", "HOME_VISIT", "result", "ok"));
    }

    private Map<String, Object> removalBody() {
        return new LinkedHashMap<>(Map.of("reason", "REFORMED", "removalDate", "2026-11-01",
                "document", Map.of("type", "COURT_RULING", "number", "1", "date", "2026-11-01", "issuer", "суд")));
    }

    private Map<String, Object> extensionBody() {
        return new LinkedHashMap<>(Map.of("newEndDate", "2027-01-01", "reason", "x",
                "document", Map.of("type", "COURT_RULING", "number", "1", "date", "2026-11-01", "issuer", "суд")));
    }

    /** Replaces, removes or adds one field somewhere in the body, or breaks a nested object. */
    @SuppressWarnings("unchecked")
    private Object mutate(Map<String, Object> body) {
        Map<String, Object> target = body;
        List<String> keys = new ArrayList<>(target.keySet());
        String key = keys.get(random.nextInt(keys.size()));
        if (target.get(key) instanceof Map<?, ?> nested && random.nextBoolean()) {
            target.put(key, new LinkedHashMap<>((Map<String, Object>) nested));
            target = (Map<String, Object>) target.get(key);
            keys = new ArrayList<>(target.keySet());
            key = keys.get(random.nextInt(keys.size()));
        }
        switch (random.nextInt(4)) {
            case 0 -> target.remove(key);
            case 1 -> target.put("unexpected" + random.nextInt(100), odd(ODD_VALUES));
            default -> target.put(key, odd(ODD_VALUES));
        }
        return random.nextInt(20) == 0 ? List.of(body) : body;
    }

    private String brokenJson() throws Exception {
        String valid = mapper.writeValueAsString(registrationBody());
        return switch (random.nextInt(7)) {
            case 0 -> valid.substring(0, random.nextInt(valid.length()));
            case 1 -> valid.replace("\"", "'");
            case 2 -> "[".repeat(5000) + "]".repeat(5000);
            case 3 -> "";
            case 4 -> "null";
            case 5 -> valid.replace(":", "=");
            default -> new String(randomBytes(200), java.nio.charset.StandardCharsets.ISO_8859_1);
        };
    }

    private Attempt query() {
        String[] params = {"page=-1", "size=0", "size=100000", "status=FOO", "minor=maybe", "termEndingWithinDays=abc",
                "termEndingWithinDays=-5", "iin=123", "iin=ABCDEFGHIJKL", "name=%25", "name=a", "region=abc",
                "region=" + "7".repeat(9), "controlOverdue=1", "page=99999999999", "category='or'1'='1"};
        String q = params[random.nextInt(params.length)] + "&" + params[random.nextInt(params.length)];
        return new Attempt("GET /api/v1/entries?" + q, spec -> spec.urlEncodingEnabled(false).get("/api/v1/entries?" + q));
    }

    private Attempt headers() throws Exception {
        String body = mapper.writeValueAsString(registrationBody());
        String key = odd(new String[] {"x".repeat(300), "ключ", " ", "a b", "\t"});
        String type = odd(new String[] {"text/plain", "application/xml", "application/json;charset=ISO-8859-1",
                "multipart/form-data", "application/json"});
        return new Attempt("POST /api/v1/entries with Idempotency-Key=" + key + " Content-Type=" + type,
                spec -> spec.header("Idempotency-Key", key).contentType(type)
                        .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/entries"));
    }

    private Attempt json(String method, String path, Object body, String ifMatch) throws Exception {
        String text = mapper.writeValueAsString(body);
        return new Attempt(method + " " + path + " If-Match=" + ifMatch + " " + abbreviate(text), spec -> {
            RequestSpecification s = spec.contentType("application/json").body(text);
            if (ifMatch != null) {
                s = s.header("If-Match", ifMatch);
            }
            return s.request(method, path);
        });
    }

    private Attempt rawBody(String method, String path, String body) {
        return new Attempt(method + " " + path + " raw " + abbreviate(body),
                spec -> spec.contentType("application/json").body(body).request(method, path));
    }

    @SuppressWarnings("unchecked")
    private <T> T odd(T[] values) {
        return (T) values[random.nextInt(values.length)];
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private record Attempt(String description, java.util.function.Function<RequestSpecification, Response> call) {
        Response send(RequestSpecification spec) {
            return call.apply(spec.when());
        }
    }
}
