package kz.prevention.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kz.prevention.reporting.support.SeededYear;
import kz.prevention.testing.TestTokens;

/**
 * Two years of events (2028 and 2029, this test's own) are published; the figures they must give
 * are computed independently ({@link SeededYear}); the National report for 2029, its CSV, its XLSX
 * read back with a reader and its PDF's extracted text must all agree with them. The same data
 * gives the same bytes; below supervisor the small region is hidden; the job shows its progress.
 */
@QuarkusTest
class NationalReportTest {

    static final int YEAR = 2029;
    static final String SUPERVISOR = TestTokens.supervisor();
    static final String ANALYST = TestTokens.role("analyst", "000000000");
    static SeededYear seeded;

    @BeforeAll
    static void seed() {
        if (seeded == null) {
            seeded = new SeededYear(YEAR, 4242L);
        }
    }

    @Test
    void theReportAgreesWithTheFiguresComputedFromTheEvents() {
        Map<String, Long> now = seeded.expected(YEAR);
        Map<String, Long> before = seeded.expected(YEAR - 1);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(values(report(SUPERVISOR), "value")).containsAllEntriesOf(now));
        JsonPath report = report(SUPERVISOR);
        assertThat(values(report, "previous")).containsAllEntriesOf(before);
        assertThat(report.getBoolean("suppressed")).isFalse();
        long change = now.get("ENTRIES_REGISTERED") - before.get("ENTRIES_REGISTERED");
        assertThat(figure(report, "ENTRIES_REGISTERED").get("change")).isEqualTo((int) change);
        double rate = Math.round(1000.0 * now.get("MEASURES_DONE_ON_TIME")
                / (now.get("MEASURES_DONE_ON_TIME") + now.get("MEASURES_DONE_LATE"))) / 10.0;
        assertThat(((Number) figure(report, "MEASURES_ON_TIME_RATE").get("value")).doubleValue())
                .isCloseTo(rate, org.assertj.core.data.Offset.offset(0.001));
        // The control rhythm: a rate of two counts, both computed here from the visits' and misses' due dates.
        Map<String, Long> rhythm = seeded.order163(YEAR, "");
        assertThat(rhythm.get("CONTROL_RHYTHM_ENTRIES")).as("the seed gives the rhythm something to count").isPositive();
        assertThat(rhythm.get("CONTROL_RHYTHM_KEPT")).isLessThan(rhythm.get("CONTROL_RHYTHM_ENTRIES"));
        assertThat(((Number) figure(report, "CONTROL_RHYTHM_KEPT_RATE").get("value")).doubleValue()).isCloseTo(
                Math.round(1000.0 * rhythm.get("CONTROL_RHYTHM_KEPT") / rhythm.get("CONTROL_RHYTHM_ENTRIES")) / 10.0,
                org.assertj.core.data.Offset.offset(0.001));
        for (String code : List.of("ORDER163_DEADLINES_MISSED", "TERMS_EXPIRED", "CONTROL_RHYTHM_ENTRIES")) {
            assertThat(now.get(code)).as(code + ": the seed gives it something to count").isPositive();
        }
        // Order 163's deadlines, terms and rhythm by region, at 100000000 and region 27 (271000000 and below).
        for (String code : List.of("ORDER163_DEADLINES_MISSED", "TERMS_EXPIRED", "CONTROL_RHYTHM_ENTRIES",
                "CONTROL_RHYTHM_KEPT")) {
            Map<String, Object> regions = byTerritory(report, code);
            assertThat(value(regions.get("100000000"))).as(code + " in 100000000").isEqualTo(seeded.order163(YEAR, "10").get(code));
            assertThat(value(regions.get("270000000"))).as(code + " in 270000000").isEqualTo(seeded.order163(YEAR, "27").get(code));
        }
        // By region: region 27 holds 271000000, 271010000 and 271010001; Abai is recorded at 100000000 itself.
        Map<String, Object> byRegion = byTerritory(report, "ENTRIES_REGISTERED");
        assertThat(byRegion.get("270000000")).isEqualTo((int) seeded.registered(YEAR, "27"));
        assertThat(byRegion.get("100000000")).isEqualTo((int) seeded.registered(YEAR, "10"));
        assertThat(byRegion.get("550000000")).isEqualTo(2);
        // Every section Art. 40 names, each with a text in three languages.
        List<String> sections = report.getList("sections.code");
        assertThat(sections).contains("STATE_OF_PREVENTION", "CRIME_SITUATION", "EFFECTIVENESS_OF_MEASURES",
                "RIGHTS_PROTECTION", "NEGLECT_OF_MINORS", "VIOLENCE", "ANTISOCIAL_BEHAVIOUR");
        assertThat(report.getString("sections.find { it.code == 'STATE_OF_PREVENTION' }.text.en"))
                .contains(now.get("ENTRIES_REGISTERED") + " in " + YEAR);
        assertThat(report.getString("sections.find { it.code == 'STATE_OF_PREVENTION' }.text.kk")).contains(YEAR + " жылы");
    }

    @Test
    void theCsvXlsxAndPdfHoldTheSameFiguresAndTheSameDataGivesTheSameBytes() throws Exception {
        Map<String, Long> now = seeded.expected(YEAR);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(values(report(SUPERVISOR), "value")).containsAllEntriesOf(now));

        String csv = new String(export(SUPERVISOR, "csv"), StandardCharsets.UTF_8);
        Map<String, Long> fromCsv = csv.lines().skip(1).map(l -> l.split(",", -1))
                .filter(c -> c[3].equals("000000000") && c[4].equals(String.valueOf(YEAR)) && !c[5].isEmpty()
                        && !c[5].contains("."))
                .collect(Collectors.toMap(c -> c[1], c -> Long.parseLong(c[5])));
        assertThat(fromCsv).containsAllEntriesOf(now);

        byte[] xlsx = export(SUPERVISOR, "xlsx");
        Map<String, Long> fromXlsx = new HashMap<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getFirstSheet();
            List<Row> rows = sheet.read();
            assertThat(rows.get(0).getCellText(5)).isEqualTo(String.valueOf(YEAR));
            for (Row r : rows.subList(1, rows.size())) {
                String text = r.getCellText(5);
                if (!text.isEmpty() && !text.equals("x") && !text.contains(".")) {
                    fromXlsx.put(r.getCellText(1), r.getCellAsNumber(5).orElseThrow().longValue());
                }
            }
        }
        assertThat(fromXlsx).containsAllEntriesOf(now);

        byte[] pdf = export(SUPERVISOR, "pdf");
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        for (Map.Entry<String, Long> e : now.entrySet()) {
            assertThat(text).contains(e.getKey() + ": " + (YEAR - 1) + " = " + seeded.expected(YEAR - 1).get(e.getKey())
                    + "; " + YEAR + " = " + e.getValue());
        }
        // Kazakh letters came through the embedded font and back out of the text layer.
        assertThat(text).contains("ұлттық баяндама", "Кәмелетке толмағандардың", "Қоғамға жат мінез-құлық");
        for (String letter : List.of("ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "і")) {
            assertThat(text).contains(letter);
        }

        for (String format : List.of("json", "csv", "xlsx", "pdf")) {
            assertThat(export(SUPERVISOR, format)).as(format + " is the same for the same data")
                    .isEqualTo(export(SUPERVISOR, format));
        }
    }

    @Test
    void belowSupervisorTheSmallRegionAndItsComplementsAreHiddenInEveryExport() throws Exception {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(
                () -> assertThat(values(report(SUPERVISOR), "value")).containsAllEntriesOf(seeded.expected(YEAR)));
        JsonPath published = report(ANALYST);
        assertThat(published.getBoolean("suppressed")).isTrue();
        List<Map<String, Object>> regions = published.getList(
                "sections.figures.flatten().find { it.indicator == 'ENTRIES_REGISTERED' }.byTerritory");
        Map<String, Object> small = regions.stream().filter(r -> r.get("territory").equals("550000000")).findFirst().orElseThrow();
        assertThat(small.get("hidden")).isEqualTo(true);
        assertThat(small.get("value")).isNull();
        assertThat(regions.stream().filter(r -> Boolean.TRUE.equals(r.get("hidden"))).count()).isGreaterThanOrEqualTo(2);

        String csv = new String(export(ANALYST, "csv"), StandardCharsets.UTF_8);
        assertThat(csv).contains("STATE_OF_PREVENTION,ENTRIES_REGISTERED,persons,550000000," + YEAR + ",,true");
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(export(ANALYST, "xlsx")))) {
            List<Row> rows = wb.getSheets().skip(1).findFirst().orElseThrow().read();
            assertThat(rows.stream().filter(r -> "ENTRIES_REGISTERED".equals(r.getCellText(0))
                    && "550000000".equals(r.getCellText(1))).map(r -> r.getCellText(2)).toList()).containsExactly("x");
        }
        try (PDDocument doc = Loader.loadPDF(export(ANALYST, "pdf"))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("550000000  x");
        }
    }

    @Test
    void aJobShowsItsProgressAndServesTheSameFilesToItsOwnerOnly() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(
                () -> assertThat(values(report(SUPERVISOR), "value")).containsAllEntriesOf(seeded.expected(YEAR)));
        String location = given().auth().oauth2(SUPERVISOR).queryParam("year", YEAR).when()
                .post("/api/v1/reports/national/jobs").then().statusCode(202).extract().header("Location");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(SUPERVISOR).get(location).then()
                .statusCode(200).body("status", org.hamcrest.Matchers.equalTo("DONE"))
                .body("percent", org.hamcrest.Matchers.equalTo(100)));
        byte[] fromJob = given().auth().oauth2(SUPERVISOR).get(location + "/files/xlsx").then().statusCode(200).extract()
                .asByteArray();
        assertThat(fromJob).isEqualTo(export(SUPERVISOR, "xlsx"));
        given().auth().oauth2(TestTokens.user("other.supervisor").roles("supervisor").region("000000000").sign())
                .get(location).then().statusCode(404);
    }

    /** A territory's value, a territory absent from the table having counted nothing. */
    static long value(Object v) {
        return v == null ? 0L : ((Number) v).longValue();
    }

    static JsonPath report(String token) {
        return given().auth().oauth2(token).queryParam("year", YEAR).when().get("/api/v1/reports/national").then()
                .statusCode(200).extract().jsonPath();
    }

    static byte[] export(String token, String format) {
        return given().auth().oauth2(token).queryParam("year", YEAR).queryParam("format", format).when()
                .get("/api/v1/reports/national").then().statusCode(200).extract().asByteArray();
    }

    static Map<String, Object> figure(JsonPath report, String code) {
        return report.getMap("sections.figures.flatten().find { it.indicator == '" + code + "' }");
    }

    static Map<String, Object> byTerritory(JsonPath report, String code) {
        List<Map<String, Object>> rows = report.getList("sections.figures.flatten().find { it.indicator == '" + code
                + "' }.byTerritory");
        Map<String, Object> out = new HashMap<>();
        rows.forEach(r -> out.put((String) r.get("territory"), r.get("value")));
        return out;
    }

    /** Indicator → the report's figure ({@code value} or {@code previous}) for count indicators. */
    static Map<String, Long> values(JsonPath report, String which) {
        List<Map<String, Object>> figures = report.getList("sections.figures.flatten()");
        Map<String, Long> out = new HashMap<>();
        for (Map<String, Object> f : figures) {
            Object v = f.get(which);
            if (v instanceof Integer || v instanceof Long) {
                out.put((String) f.get("indicator"), ((Number) v).longValue());
            }
        }
        return out;
    }
}
