package kz.prevention.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kz.prevention.reporting.support.Feed;
import kz.prevention.reporting.support.Simplex;
import kz.prevention.testing.TestTokens;

/**
 * Linked indicators published together (issue 12, item 4). Region 47 in 2034 (this test's own):
 * district 4710 registers 7 entries, 4 of minors — so 3 adults, below the threshold of 5, a number
 * no table publishes but "all − minors" would give; district 4720 registers 10, 1 of a minor;
 * 4730 registers 12 adults. Suppressed one table at a time, all = 7 stays shown and minors' 4 is
 * hidden with 4720's 1 (together 5), so adults in 4710 would be at least 2. The test reads the
 * National report as an analyst gets it and, with its own linear programme over the persons
 * (per district: minor or not, protective order or not, repeat or not), checks that the 3 adults
 * could be nobody and could be 5; and that every answer showing a cell — the report, its CSV,
 * {@code /figures} for each linked indicator — hides the same cells.
 */
@QuarkusTest
class LinkedTablesTest {

    static final int YEAR = 2034;
    static final String REGION = "470000000";
    static final String SUPERVISOR = TestTokens.supervisor();
    static final String ANALYST = TestTokens.role("analyst", "000000000");
    static final List<String> DISTRICTS = List.of("471000000", "472000000", "473000000");
    static final List<String> LINKED = List.of("ENTRIES_REGISTERED", "ENTRIES_REGISTERED_MINORS",
            "ENTRIES_REGISTERED_PROTECTIVE_ORDERS", "REPEAT_REGISTRATIONS_12M");
    static boolean seeded;

    @BeforeAll
    static void seed() {
        if (seeded) {
            return;
        }
        seeded = true;
        LocalDate day = LocalDate.of(YEAR, 5, 14);
        register("471010000", true, 4, day);
        register("471010000", false, 3, day);
        register("472010000", true, 1, day);
        register("472010000", false, 9, day);
        register("473010000", false, 12, day);
    }

    private static void register(String place, boolean minor, int n, LocalDate day) {
        for (int i = 0; i < n; i++) {
            new Feed.Entry(place, minor, minor ? "MINOR_NEGLECTED_HOMELESS" : "PAROLE", UUID.randomUUID()).register(day);
        }
    }

    @Test
    void threeAdultsInADistrictCannotBeDerivedFromTheReport() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(
                byTerritory(report(SUPERVISOR), "ENTRIES_REGISTERED")).containsEntry("471000000", 7));
        JsonPath raw = report(SUPERVISOR);
        assertThat(byTerritory(raw, "ENTRIES_REGISTERED_MINORS")).containsEntry("471000000", 4).containsEntry("472000000", 1);

        JsonPath published = report(ANALYST);
        assertThat(published.getBoolean("suppressed")).isTrue();
        double[] adults = adultsBounds(published, "471000000");
        assertThat(adults[0]).as("the adults of district 4710 could be nobody").isLessThan(1e-6);
        assertThat(adults[1]).as("the adults of district 4710 could be 5 or more").isGreaterThanOrEqualTo(5);
        assertThat(hidden(published, "ENTRIES_REGISTERED_MINORS")).containsEntry("471000000", true);
    }

    @Test
    void everyAnswerShowingACellHidesTheSameCells() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(
                byTerritory(report(SUPERVISOR), "ENTRIES_REGISTERED")).containsEntry("471000000", 7));
        JsonPath published = report(ANALYST);
        String csv = given().auth().oauth2(ANALYST).queryParam("year", YEAR).queryParam("region", REGION)
                .queryParam("format", "csv").when().get("/api/v1/reports/national").then().statusCode(200).extract()
                .asString();
        int hiddenSeen = 0;
        for (String code : LINKED) {
            Map<String, Boolean> inReport = hidden(published, code);
            JsonPath figures = given().auth().oauth2(ANALYST).queryParam("indicator", code).queryParam("region", REGION)
                    .queryParam("level", "district").queryParam("period", "year").queryParam("from", (YEAR - 1) + "-01-01")
                    .queryParam("to", YEAR + "-12-31").when().get("/api/v1/figures").then().statusCode(200).extract().jsonPath();
            Map<String, Boolean> inFigures = new HashMap<>();
            inFigures.put(REGION, figures.getBoolean("scope.cells.find { it.period == '" + YEAR + "' }.hidden"));
            for (String d : DISTRICTS) {
                Boolean h = figures.get("rows.find { it.territory == '" + d + "' }.cells.find { it.period == '" + YEAR + "' }.hidden");
                inFigures.put(d, h != null && h);
            }
            assertThat(inFigures).as("/figures and the report agree on %s", code).isEqualTo(inReport);
            for (Map.Entry<String, Boolean> e : inReport.entrySet()) {
                String line = code + ",persons," + e.getKey() + "," + YEAR + ",";
                // a territory without a line counted nothing: a 0 shown
                boolean hiddenInCsv = csv.lines().filter(l -> l.contains("," + line)).findFirst()
                        .map(l -> l.endsWith(",true")).orElse(false);
                assertThat(hiddenInCsv).as("the CSV agrees on %s %s", code, e.getKey()).isEqualTo(e.getValue());
                hiddenSeen += e.getValue() ? 1 : 0;
            }
        }
        assertThat(hiddenSeen).as("something is hidden at all").isGreaterThanOrEqualTo(3);
    }

    static JsonPath report(String token) {
        return given().auth().oauth2(token).queryParam("year", YEAR).queryParam("region", REGION).when()
                .get("/api/v1/reports/national").then().statusCode(200).extract().jsonPath();
    }

    static Map<String, Object> byTerritory(JsonPath report, String code) {
        Map<String, Object> out = new HashMap<>();
        List<Map<String, Object>> rows = report.getList("sections.figures.flatten().find { it.indicator == '" + code
                + "' }.byTerritory");
        rows.forEach(r -> out.put((String) r.get("territory"), r.get("value")));
        return out;
    }

    /** Territory → hidden, for the scope's value and each district's, in the report's year. */
    static Map<String, Boolean> hidden(JsonPath report, String code) {
        Map<String, Object> figure = report.getMap("sections.figures.flatten().find { it.indicator == '" + code + "' }");
        Map<String, Boolean> out = new HashMap<>();
        out.put(REGION, (Boolean) figure.get("hidden"));
        DISTRICTS.forEach(d -> out.put(d, false));
        List<Map<String, Object>> rows = report.getList("sections.figures.flatten().find { it.indicator == '" + code
                + "' }.byTerritory");
        rows.forEach(r -> out.put((String) r.get("territory"), (Boolean) r.get("hidden")));
        return out;
    }

    /**
     * [min, max] of a district's adults over all numbers of persons agreeing with the report's
     * shown figures for the year: per district 8 kinds (minor or not × protective order or not ×
     * repeat or not); the region's figures are the districts' sums; a district the report does not
     * list counted nothing.
     */
    static double[] adultsBounds(JsonPath report, String district) {
        int kinds = 8;
        int n = DISTRICTS.size() * kinds;
        List<double[]> rows = new ArrayList<>();
        List<Double> rhs = new ArrayList<>();
        for (String code : LINKED) {
            Map<String, Object> figure = report.getMap("sections.figures.flatten().find { it.indicator == '" + code + "' }");
            if (!Boolean.TRUE.equals(figure.get("hidden"))) {
                rows.add(expression(code, null, n));
                rhs.add(((Number) figure.get("value")).doubleValue());
            }
            Map<String, Object> children = byTerritory(report, code);
            Map<String, Boolean> hidden = hidden(report, code);
            for (String d : DISTRICTS) {
                if (!hidden.get(d)) {
                    rows.add(expression(code, d, n));
                    Object v = children.get(d);
                    rhs.add(v == null ? 0.0 : ((Number) v).doubleValue());
                }
            }
        }
        double[][] a = rows.toArray(double[][]::new);
        double[] b = rhs.stream().mapToDouble(Double::doubleValue).toArray();
        double[] adults = new double[n];
        int d = DISTRICTS.indexOf(district);
        for (int k = 0; k < kinds; k++) {
            if ((k & 1) == 0) {
                adults[d * kinds + k] = 1;
            }
        }
        return new double[] {Simplex.minimize(adults, a, b), Simplex.maximize(adults, a, b)};
    }

    /** Kind bits: 1 minor, 2 protective order, 4 repeat registration. */
    private static double[] expression(String code, String district, int n) {
        double[] e = new double[n];
        for (int d = 0; d < DISTRICTS.size(); d++) {
            if (district != null && !DISTRICTS.get(d).equals(district)) {
                continue;
            }
            for (int k = 0; k < 8; k++) {
                boolean counted = switch (code) {
                    case "ENTRIES_REGISTERED" -> true;
                    case "ENTRIES_REGISTERED_MINORS" -> (k & 1) != 0;
                    case "ENTRIES_REGISTERED_PROTECTIVE_ORDERS" -> (k & 2) != 0;
                    default -> (k & 4) != 0;
                };
                e[d * 8 + k] = counted ? 1 : 0;
            }
        }
        return e;
    }
}
