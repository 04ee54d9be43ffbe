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

    /** A caller of the work-indicators endpoints: whether it is an officer, and, if a head, the units it heads and the regions it may ask for. */
    record WorkCaller(String name, String token, boolean officer, boolean head, java.util.Set<String> units,
            java.util.Set<String> regions) {
    }

    /**
     * Officers' and units' indicators (issue 12 §6): an officer sees only their own, an authorised head only its
     * own agency's units within the unit it heads (another unit: 404, as if it did not exist), and nobody else —
     * analysts, supervisors, administrators — sees them at all. Units by KATO codes with inner zeros: Abai
     * region 100000000 (its own district) and district 271000000 beside a rural district 271010000 of it.
     */
    @Test
    void workIndicatorsAreTheOfficersOwnAndTheirHeadsOnly() {
        java.util.Set<String> none = java.util.Set.of();
        List<WorkCaller> callers = new ArrayList<>();
        callers.add(new WorkCaller("anonymous", null, false, false, none, none));
        callers.add(new WorkCaller("officer (self)", TestTokens.officer(ALMATY), true, false, none, none));
        callers.add(new WorkCaller("another officer", TestTokens.officer(ASTANA), true, false, none, none));
        callers.add(new WorkCaller("juvenile inspector", TestTokens.juvenile(ALMATY), true, false, none, none));
        callers.add(new WorkCaller("head of Almaty", TestTokens.head(ALMATY), true, true,
                java.util.Set.of("POLICE-751000000"), java.util.Set.of(ALMATY)));
        callers.add(new WorkCaller("head of Astana", TestTokens.head(ASTANA), true, true, none, none));
        callers.add(new WorkCaller("head of Abai", TestTokens.head("100000000"), true, true,
                java.util.Set.of("POLICE-100000000"), none));
        callers.add(new WorkCaller("head of district 271000000", TestTokens.head("271000000"), true, true,
                java.util.Set.of("POLICE-271000000"), none));
        callers.add(new WorkCaller("head of rural district 271010000", TestTokens.head("271010000"), true, true, none,
                none));
        callers.add(new WorkCaller("head of another agency in Almaty", TestTokens.user("head.economic.almaty")
                .roles("authorised-head").agency("ECONOMIC").region(ALMATY).unit(ALMATY).sign(), true, true, none,
                java.util.Set.of(ALMATY)));
        callers.add(new WorkCaller("head without a unit claim", TestTokens.user("head.nounit.almaty")
                .roles("authorised-head").agency("POLICE").region(ALMATY).sign(), true, false, none, none));
        for (String role : List.of("analyst", "supervisor", "platform-admin", "measures-executor", "commission-secretary")) {
            callers.add(new WorkCaller(role, TestTokens.role(role, "000000000"), false, false, none, none));
        }
        callers.add(new WorkCaller("supervisor (prosecutor)", TestTokens.supervisor(), false, false, none, none));

        List<String> paths = List.of("/api/v1/officers/me/indicators", "/api/v1/officers/me/indicators/facts",
                "/api/v1/units/indicators", "/api/v1/units/indicators?region=" + ALMATY,
                "/api/v1/units/POLICE-751000000/officers/indicators", "/api/v1/units/POLICE-100000000/officers/indicators",
                "/api/v1/units/POLICE-271000000/officers/indicators");
        Map<String, Integer> mismatches = new LinkedHashMap<>();
        int cells = 0;
        for (String path : paths) {
            for (WorkCaller c : callers) {
                int expected = expectedWork(path, c);
                RequestSpecification spec = given();
                if (c.token() != null) {
                    spec = spec.auth().oauth2(c.token());
                }
                var answer = spec.get(path).then().extract();
                cells++;
                if (answer.statusCode() != expected) {
                    mismatches.put(path + " as " + c.name() + " expected " + expected, answer.statusCode());
                } else if (expected >= 400 && !String.valueOf(answer.contentType()).startsWith("application/problem+json")
                        && expected != 401) {
                    mismatches.put(path + " as " + c.name() + " answered without a problem", answer.statusCode());
                }
            }
        }
        assertThat(mismatches).as("cells that broke the rules").isEmpty();
        assertThat(cells).isEqualTo(paths.size() * callers.size());
        // Each officer's answer is their own: the account in it is the token's subject.
        String self = given().auth().oauth2(TestTokens.officer(ALMATY)).get("/api/v1/officers/me/indicators").then()
                .statusCode(200).extract().path("officerId");
        String other = given().auth().oauth2(TestTokens.officer(ASTANA)).get("/api/v1/officers/me/indicators").then()
                .statusCode(200).extract().path("officerId");
        assertThat(self).isNotEqualTo(other);
        assertThat(self).isEqualTo(java.util.UUID.nameUUIDFromBytes(("officer." + ALMATY).getBytes()).toString());
    }

    private static int expectedWork(String path, WorkCaller c) {
        if (c.token() == null) {
            return 401;
        }
        if (path.startsWith("/api/v1/officers/me")) {
            return c.officer() ? 200 : 403;
        }
        if (!c.head()) {
            return 403;
        }
        if (path.startsWith("/api/v1/units/indicators")) {
            return !path.contains("region=") || c.regions().contains(ALMATY) ? 200 : 403;
        }
        String unit = path.substring("/api/v1/units/".length(), path.indexOf("/officers"));
        return c.units().contains(unit) ? 200 : 404;
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
