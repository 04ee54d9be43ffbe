package kz.prevention.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.testing.RequestFuzzer;
import kz.prevention.testing.TestTokens;

/** 1,000 generated malformed requests against every endpoint (read-model rebuild aside): not one 5xx, every error a problem+json. */
@QuarkusTest
class MalformedInputTest {

    private static final int REQUESTS = 1000;

    @Inject
    ObjectMapper mapper;

    /** A reader, the administrator, an officer and a head of the republic, so every endpoint is reachable with one token. */
    private final String token = TestTokens.user("fuzz.admin").roles("analyst", "platform-admin", "registry-officer",
            "authorised-head").agency("POLICE").region("000000000").unit("000000000").sign();

    @Test
    void malformedRequestsNeverGet5xxAndAlwaysGetProblems() {
        String job = given().auth().oauth2(token).queryParam("year", 2019).post("/api/v1/reports/national/jobs").then()
                .statusCode(202).extract().path("id");
        RequestFuzzer fuzz = new RequestFuzzer(20261126L, mapper);

        RequestFuzzer.Report report = fuzz.run(REQUESTS, () -> given().auth().oauth2(token), i -> generate(fuzz, i, job));

        System.out.println("reporting malformed-input statuses over " + REQUESTS + " requests: " + report.statuses());
        assertThat(report.failures()).as("responses that broke the contract").isEmpty();
        assertThat(report.statuses().keySet()).as("the fuzz reached refusals").contains(400, 404);
    }

    private RequestFuzzer.Attempt generate(RequestFuzzer fuzz, int i, String job) {
        String[] odd = {"region=abc", "region=" + "7".repeat(9), "region=%00", "region='or'1'='1", "region=000000000",
                "region=751110001", "region=", "level=planet", "level=0", "level=settlement", "level=region",
                "level=district", "period=week", "period=DAY", "period=", "from=2026-02-30", "from=yesterday",
                "to=0001-01-01", "to=9999-12-31", "from=2020-01-01", "to=2019-01-01", "from=2000-01-01",
                "to=2001-06-30", "indicator=", "indicator=NOPE", "indicator=MEASURES_ON_TIME_RATE",
                "indicator=ENTRIES_ON_REGISTRY_AT_END", "indicator=%27", "year=-1", "year=99999999999",
                "year=2019", "year=abc", "format=docx", "format=PDF", "format=csv", "lang=fr", "lang=", "lang=ru"};
        String[] work = {"from=2026-02-30", "from=yesterday", "to=0001-01-01", "to=9999-12-31", "from=2020-01-01",
                "to=2019-01-01", "from=2026-01-01&to=2026-12-31", "from=2024-01-01&to=2026-01-01", "from=", "to=",
                "indicator=", "indicator=NOPE", "indicator=WORK_CONTROL_VISITS_LATE", "indicator=WORK_MEASURES_DONE_LATE",
                "indicator=%27", "region=abc", "region=000000000", "region=271000000", "region=751110001", "region=%00"};
        return switch (i % 12) {
            case 10 -> fuzz.query(fuzz.pick(new String[] {"/api/v1/officers/me/indicators",
                    "/api/v1/officers/me/indicators/facts", "/api/v1/units/indicators"}), work);
            case 11 -> fuzz.query("/api/v1/units/" + fuzz.pick(new String[] {"POLICE-751000000", "POLICE-100000000",
                    "POLICE-271010000", "police-751000000", "POLICE751000000", "-", "%00", "A".repeat(300) + "-751000000",
                    "POLICE-7510000001", "..", "POLICE-000000000"}) + "/officers/indicators", work);
            case 0, 1, 2 -> fuzz.query("/api/v1/figures", prefixed("indicator=ENTRIES_REGISTERED&", odd));
            case 3 -> fuzz.query(fuzz.pick(new String[] {"/api/v1/figures", "/api/v1/figures/breakdown"}), prefixed(
                    fuzz.pick(new String[] {"by=categoryGroup&", "by=nope&", "by=&", "indicator=MEASURES_ASSIGNED&by=executingAgency&",
                            "indicator=ENTRIES_REMOVED&by=removalReason&"}), odd));
            case 4 -> fuzz.query("/api/v1/reports/national", odd);
            case 5 -> fuzz.raw("POST", "/api/v1/reports/national/jobs?" + fuzz.pick(odd), fuzz.broken(Map.of("year", 2019)));
            case 6 -> fuzz.json("GET", "/api/v1/reports/jobs/" + fuzz.pick(new String[] {job, "not-a-uuid", "%2e%2e",
                    UUID.randomUUID().toString(), "00000000-0000-0000-0000-000000000000"}) + fuzz.pick(new String[] {"",
                            "/files/xlsx", "/files/docx", "/files/", "/files/%00"}), null, null);
            case 7 -> fuzz.query("/api/v1/indicators/" + fuzz.pick(new String[] {"ENTRIES_REGISTERED", "x", "%00", "..",
                    "A".repeat(500)}), odd);
            case 8 -> fuzz.json(fuzz.pick(new String[] {"PUT", "DELETE", "PATCH", "POST"}), fuzz.pick(new String[] {
                    "/api/v1/indicators", "/api/v1/figures", "/api/v1/reports/national", "/api/v1/admin/read-models"}),
                    fuzz.mutate(new LinkedHashMap<>(Map.of("year", 2019, "region", "000000000"))), null);
            default -> fuzz.headers("/api/v1/reports/national/jobs?year=2019", Map.of("year", 2019));
        };
    }

    private static String[] prefixed(String prefix, String[] values) {
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = prefix + values[i];
        }
        return out;
    }
}
