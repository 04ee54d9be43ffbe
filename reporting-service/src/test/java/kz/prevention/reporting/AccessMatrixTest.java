package kz.prevention.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import kz.prevention.testing.TestTokens;

/**
 * Every endpoint × role × territory: who may read figures and reports (analyst, supervisor,
 * platform-admin), within which territory, who sees small counts (supervisor only), who runs
 * the read models' operations (platform-admin), and that a job is its owner's alone. The rebuild
 * itself (POST .../rebuild, platform-admin only) is exercised by {@link RebuildTest}.
 */
@QuarkusTest
class AccessMatrixTest {

    static final String ALMATY = "750000000";
    static final String ASTANA = "710000000";

    @Inject
    AgroalDataSource dataSource;

    record Caller(String name, String token, boolean reader, String region) {
    }

    record Endpoint(String name, String method, String path, boolean adminOnly, boolean territorial, boolean owned) {
    }

    @Test
    void everyEndpointRoleAndTerritoryGetsTheAnswerTheRulesGive() {
        String owner = TestTokens.supervisor();
        String job = given().auth().oauth2(owner).queryParam("year", 2020).post("/api/v1/reports/national/jobs").then()
                .statusCode(202).extract().path("id");
        List<Caller> callers = new ArrayList<>();
        callers.add(new Caller("anonymous", null, false, null));
        for (String role : List.of("registry-officer", "juvenile-inspector", "authorised-head", "measures-executor",
                "commission-secretary", "commission-member", "registry-check")) {
            callers.add(new Caller(role, TestTokens.role(role, "000000000"), false, "000000000"));
        }
        callers.add(new Caller("analyst (republic)", TestTokens.role("analyst", "000000000"), true, "000000000"));
        callers.add(new Caller("analyst (Almaty)", TestTokens.role("analyst", ALMATY), true, ALMATY));
        callers.add(new Caller("analyst (no region)", TestTokens.user("analyst.nowhere").roles("analyst").sign(), true, null));
        callers.add(new Caller("supervisor", owner, true, "000000000"));
        callers.add(new Caller("platform-admin", TestTokens.role("platform-admin", "000000000"), true, "000000000"));

        List<Endpoint> endpoints = List.of(
                new Endpoint("indicators", "GET", "/api/v1/indicators", false, false, false),
                new Endpoint("indicator", "GET", "/api/v1/indicators/ENTRIES_REGISTERED", false, false, false),
                new Endpoint("figures", "GET", "/api/v1/figures?indicator=ENTRIES_REGISTERED&period=year", false, true, false),
                new Endpoint("breakdown", "GET", "/api/v1/figures/breakdown?indicator=MEASURES_ASSIGNED&by=executingAgency",
                        false, true, false),
                new Endpoint("report", "GET", "/api/v1/reports/national?year=2020", false, true, false),
                new Endpoint("report csv", "GET", "/api/v1/reports/national?year=2020&format=csv", false, true, false),
                new Endpoint("start job", "POST", "/api/v1/reports/national/jobs?year=2020", false, true, false),
                new Endpoint("job", "GET", "/api/v1/reports/jobs/" + job, false, false, true),
                new Endpoint("read models", "GET", "/api/v1/admin/read-models", true, false, false));

        Map<String, Integer> mismatches = new LinkedHashMap<>();
        int cells = 0;
        for (Endpoint e : endpoints) {
            for (Caller c : callers) {
                for (String region : e.territorial() ? new String[] {null, "000000000", ALMATY, ASTANA} : new String[] {null}) {
                    String path = region == null ? e.path() : e.path() + "&region=" + region;
                    int expected = expected(e, c, region, owner);
                    RequestSpecification spec = given();
                    if (c.token() != null) {
                        spec = spec.auth().oauth2(c.token());
                    }
                    int status = spec.request(e.method(), path).then().extract().statusCode();
                    cells++;
                    if (status != expected) {
                        mismatches.put(e.name() + " as " + c.name() + " region=" + region + " expected " + expected, status);
                    }
                }
            }
        }
        assertThat(mismatches).as("cells that broke the rules").isEmpty();
        assertThat(cells).isGreaterThan(150);
    }

    private static int expected(Endpoint e, Caller c, String region, String owner) {
        if (c.token() == null) {
            return 401;
        }
        if (!c.reader() || (e.adminOnly() && !c.name().equals("platform-admin"))) {
            return 403;
        }
        if (e.owned()) {
            return c.token().equals(owner) ? 200 : 404;
        }
        if (e.territorial()) {
            if (c.region() == null) {
                return 403;
            }
            String asked = region == null ? c.region() : region;
            boolean inside = c.region().equals("000000000") || asked.startsWith(c.region().substring(0, 2));
            if (!inside) {
                return 403;
            }
        }
        return e.method().equals("POST") ? 202 : 200;
    }

    @Test
    void onlyTheSupervisorSeesSmallCountsAndEveryExportIsAudited() throws Exception {
        String path = "/api/v1/reports/national?year=2020&format=csv";
        long before = audited();
        given().auth().oauth2(TestTokens.role("analyst", "000000000")).get(path).then().statusCode(200);
        given().auth().oauth2(TestTokens.supervisor()).get(path).then().statusCode(200);
        assertThat(audited() - before).isEqualTo(2);
        given().auth().oauth2(TestTokens.role("analyst", "000000000")).get("/api/v1/figures?indicator=ENTRIES_REGISTERED")
                .then().statusCode(200).body("suppressed", org.hamcrest.Matchers.equalTo(true));
        given().auth().oauth2(TestTokens.role("platform-admin", "000000000"))
                .get("/api/v1/figures?indicator=ENTRIES_REGISTERED").then().statusCode(200)
                .body("suppressed", org.hamcrest.Matchers.equalTo(true));
        given().auth().oauth2(TestTokens.supervisor()).get("/api/v1/figures?indicator=ENTRIES_REGISTERED").then()
                .statusCode(200).body("suppressed", org.hamcrest.Matchers.equalTo(false));
    }

    private long audited() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM audit_log WHERE resource_type = 'national-report'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
