package kz.prevention.registry;

import static io.restassured.RestAssured.given;
import static kz.prevention.registry.support.RegistryApi.ALMATY;
import static kz.prevention.registry.support.RegistryApi.adult;
import static kz.prevention.testing.TestTokens.officer;
import static kz.prevention.registry.support.RegistryApi.registered;
import static kz.prevention.registry.support.RegistryApi.registration;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.testing.RequestFuzzer;

/**
 * 1,000 generated malformed requests — broken JSON, wrong types, missing and unknown fields,
 * absurd values, bad parameters and headers — against every writing endpoint and the search:
 * not one answer is a 5xx, every error is problem+json, and no half-written data remains.
 */
@QuarkusTest
class MalformedInputTest {

    private static final int REQUESTS = 1000;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper mapper;

    private final String token = officer(ALMATY);

    @Test
    void controlCharactersInQueryAndPathParametersAreA400NamingTheParameter() {
        // Sent raw: RestAssured would encode the percent sign itself.
        given().auth().oauth2(token).urlEncodingEnabled(false).get("/api/v1/entries?category=%27%00%27")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("category"))
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("\u0000")));
        given().auth().oauth2(token).urlEncodingEnabled(false).get("/api/v1/entries/abc%01def")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("path"));
        given().auth().oauth2(token).get("/api/v1/entries?category=OFFICIAL_WARNING").then().statusCode(200);
    }

    @Test
    void malformedRequestsNeverGet5xxAlwaysGetProblemsAndLeaveNoPartialRows() throws Exception {
        String entry = registered(token, registration(adult(), "OFFICIAL_WARNING", ALMATY));
        long entriesBefore = count("SELECT count(*) FROM registry_entry");
        RequestFuzzer fuzz = new RequestFuzzer(20261125L, mapper);

        RequestFuzzer.Report report = fuzz.run(REQUESTS, () -> given().auth().oauth2(token), i -> generate(fuzz, i, entry));

        System.out.println("malformed-input statuses over " + REQUESTS + " requests: " + report.statuses());
        assertThat(report.failures()).as("responses that broke the contract").isEmpty();
        assertThat(count("SELECT count(*) FROM registry_entry") - entriesBefore).as("entries created")
                .isEqualTo(report.created());
        assertThat(count("SELECT count(*) FROM person p WHERE NOT EXISTS"
                + " (SELECT 1 FROM registry_entry e WHERE e.person_id = p.id)")).as("persons without an entry").isZero();
        assertThat(kz.prevention.testing.PublishedEvents.on("prevention.registry.entries", dataSource).stream()
                .filter(e -> e.path("type").asText().equals("kz.prevention.registry.entry.registered.v2"))
                .map(e -> e.path("subject").asText()).toList())
                .as("every entry's registration event is on the topic").containsAll(ids("SELECT id::text FROM registry_entry"));
        assertThat(count("SELECT count(*) FROM registry_entry e WHERE NOT EXISTS (SELECT 1 FROM audit_log a"
                + " WHERE a.resource_id = e.id::text AND a.action = 'CREATE')")).as("entries without an audit row").isZero();
    }

    private RequestFuzzer.Attempt generate(RequestFuzzer fuzz, int i, String entry) {
        return switch (i % 10) {
            case 0 -> fuzz.raw("POST", "/api/v1/entries", fuzz.broken(registrationBody()));
            case 1, 2, 3 -> fuzz.json("POST", "/api/v1/entries", fuzz.mutate(registrationBody()), null);
            case 4 -> fuzz.json("POST", "/api/v1/entries/" + entry + "/controls", fuzz.mutate(controlBody()), null);
            case 5 -> fuzz.json("PATCH", "/api/v1/entries/" + entry, fuzz.mutate(new LinkedHashMap<>(Map.of("riskLevel", "LOW",
                    "responsibleOfficer", Map.of("name", "x")))), fuzz.pick(new String[] {"\"0\"", "garbage", "", "W/\"x\"", "*"}));
            case 6 -> fuzz.json("POST", "/api/v1/entries/" + entry + "/removal", fuzz.mutate(removalBody()), "\"999\"");
            case 7 -> fuzz.query("/api/v1/entries", new String[] {"page=-1", "size=0", "size=100000", "status=FOO",
                    "minor=maybe", "termEndingWithinDays=abc", "termEndingWithinDays=-5", "iin=123", "iin=ABCDEFGHIJKL",
                    "name=%25", "name=a", "region=abc", "region=" + "7".repeat(9), "controlOverdue=1", "page=99999999999",
                    "category='or'1'='1"});
            case 8 -> fuzz.headers("/api/v1/entries", registrationBody());
            default -> fuzz.json("POST", "/api/v1/entries/" + fuzz.pick(new String[] {"not-a-uuid", UUID.randomUUID().toString(),
                    "%2e%2e", "00000000-0000-0000-0000-000000000000"}) + "/extensions", fuzz.mutate(extensionBody()), "\"0\"");
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

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private java.util.List<String> ids(String sql) throws Exception {
        java.util.List<String> out = new java.util.ArrayList<>();
        try (var c = dataSource.getConnection(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
