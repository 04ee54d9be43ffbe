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

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kz.prevention.reporting.support.Feed;
import kz.prevention.testing.TestTokens;

/**
 * Figures from events: counts by territory at every KATO level (codes with inner zeros roll up
 * under their own level), redelivered events change nothing, and below supervisor small counts
 * are hidden. The year 2031 is this test's own.
 */
@QuarkusTest
class FiguresTest {

    static final LocalDate DAY = LocalDate.of(2031, 3, 10);
    static final String SUPERVISOR = TestTokens.supervisor();
    static final String ANALYST = TestTokens.role("analyst", "000000000");

    @Test
    void entriesRollUpThroughEveryLevelOfTheTerritory() {
        // Abai region recorded at the region itself (100000000), a district 2710 of region 27 at
        // its own level, a rural district of it, a settlement of that rural district.
        Map<String, Integer> planted = Map.of("100000000", 3, "271000000", 2, "271010000", 4, "271010001", 1);
        List<byte[]> envelopes = new ArrayList<>();
        planted.forEach((code, n) -> {
            for (int i = 0; i < n; i++) {
                envelopes.add(new Feed.Entry(code, false).register(DAY));
            }
        });

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                rows(figures(SUPERVISOR, "000000000", "region"))).containsEntry("100000000", 3L).containsEntry("270000000", 7L));
        // Every envelope once more: the inbox and the facts' keys make it change nothing.
        Feed.Entry again = new Feed.Entry("271010001", false);
        again.register(DAY);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                rows(figures(SUPERVISOR, "000000000", "region"))).containsEntry("270000000", 8L));

        assertThat(rows(figures(SUPERVISOR, "270000000", "district"))).containsExactlyEntriesOf(Map.of("271000000", 8L));
        JsonPath rural = figures(SUPERVISOR, "271000000", "rural-district");
        assertThat(rows(rural)).isEqualTo(Map.of("271000000", 2L, "271010000", 6L));
        assertThat(rural.getBoolean("rows.find { it.territory == '271000000' }.unallocated")).isTrue();
        assertThat(rural.getLong("scope.total.value")).isEqualTo(8L);
        assertThat(rows(figures(SUPERVISOR, "271010000", "settlement"))).isEqualTo(Map.of("271010000", 4L, "271010001", 2L));
        assertThat(rows(figures(SUPERVISOR, "100000000", "district"))).isEqualTo(Map.of("100000000", 3L));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        LocalDate day = DAY.plusMonths(2);
        Feed.Entry entry = new Feed.Entry("631010000", false);
        byte[] registered = entry.register(day);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                rows(figures(SUPERVISOR, "630000000", "district", day))).containsEntry("631000000", 1L));
        Feed.deliver("prevention.registry.entries", entry.id.toString(), registered);
        Feed.deliver("prevention.registry.entries", entry.id.toString(), registered);
        // A marker delivered after the repeats: once it counts, the repeats have been consumed.
        new Feed.Entry("632010000", false).register(day);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                rows(figures(SUPERVISOR, "630000000", "district", day))).containsEntry("632000000", 1L));
        assertThat(rows(figures(SUPERVISOR, "630000000", "district", day))).containsEntry("631000000", 1L);
    }

    @Test
    void belowSupervisorSmallCountsAndTheCellsGivingThemAwayAreHidden() {
        LocalDate day = DAY.plusMonths(5);
        for (int i = 0; i < 2; i++) {
            new Feed.Entry("391010000", false).register(day);
        }
        for (int i = 0; i < 9; i++) {
            new Feed.Entry("392010000", false).register(day);
        }
        for (int i = 0; i < 7; i++) {
            new Feed.Entry("393010000", false).register(day);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                rows(figures(SUPERVISOR, "390000000", "district", day))).isEqualTo(
                        Map.of("391000000", 2L, "392000000", 9L, "393000000", 7L)));

        JsonPath published = figures(ANALYST, "390000000", "district", day);
        assertThat(published.getBoolean("suppressed")).isTrue();
        List<Map<String, Object>> rows = published.getList("rows");
        Map<String, Boolean> hidden = new HashMap<>();
        rows.forEach(r -> hidden.put((String) r.get("territory"), (Boolean) ((Map<?, ?>) r.get("total")).get("hidden")));
        assertThat(hidden.get("391000000")).as("the 2").isTrue();
        assertThat(hidden.values().stream().filter(h -> h).count()).as("the 2 and a complement").isGreaterThanOrEqualTo(2);
        assertThat(published.getString("rows.find { it.territory == '391000000' }.total.value")).isNull();
    }

    @Test
    void aBreakdownByCategoryGroupAddsUpAndHidesWhatWouldSingleSomeoneOut() {
        LocalDate day = DAY.plusMonths(8);
        for (int i = 0; i < 12; i++) {
            new Feed.Entry("431010000", i < 3).register(day);
        }
        for (int i = 0; i < 10; i++) {
            new Feed.Entry("432010000", i < 6).register(day);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(breakdown(SUPERVISOR, day)
                .getLong("scope.total.count")).isEqualTo(22L));
        JsonPath raw = breakdown(SUPERVISOR, day);
        assertThat(raw.getList("values")).containsExactly("ADULT", "MINOR");
        assertThat(raw.getLong("rows.find { it.territory == '431000000' }.cells.find { it.value == 'MINOR' }.count")).isEqualTo(3L);
        assertThat(raw.getLong("scope.cells.find { it.value == 'MINOR' }.count")).isEqualTo(9L);

        JsonPath published = breakdown(ANALYST, day);
        assertThat(published.getBoolean("rows.find { it.territory == '431000000' }.cells.find { it.value == 'MINOR' }.hidden"))
                .isTrue();
        assertThat(published.getBoolean("rows.find { it.territory == '432000000' }.cells.find { it.value == 'ADULT' }.hidden"))
                .as("4 adults in district 4320").isTrue();
        // The minors' column of region 43 is 3 + 6: with both districts hidden, the region's own cell may stay.
        given().auth().oauth2(ANALYST).queryParam("indicator", "MEASURES_ON_TIME_RATE").queryParam("by", "categoryGroup")
                .get("/api/v1/figures/breakdown").then().statusCode(400);
    }

    static JsonPath breakdown(String token, LocalDate day) {
        return given().auth().oauth2(token).queryParam("indicator", "ENTRIES_REGISTERED").queryParam("by", "categoryGroup")
                .queryParam("region", "430000000").queryParam("from", day.toString()).queryParam("to", day.toString())
                .when().get("/api/v1/figures/breakdown").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aSuppressedTableTooLargeToAuditQuicklyIsRefusedWithAProblem() {
        for (String region : new String[] {"111010000", "121010000", "131010000", "141010000", "151010000", "161010000"}) {
            new Feed.Entry(region, false).register(DAY.plusDays(1));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                rows(figures(SUPERVISOR, "000000000", "region", DAY.plusDays(1))).keySet()).hasSizeGreaterThanOrEqualTo(6));
        // Days of a year by region: about 7 x 366 cells.
        given().auth().oauth2(ANALYST).queryParam("indicator", "ENTRIES_REGISTERED").queryParam("period", "day")
                .queryParam("from", "2031-01-01").queryParam("to", "2031-12-31").get("/api/v1/figures").then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(SUPERVISOR).queryParam("indicator", "ENTRIES_REGISTERED").queryParam("period", "day")
                .queryParam("from", "2031-01-01").queryParam("to", "2031-12-31").get("/api/v1/figures").then()
                .statusCode(200);
    }

    static JsonPath figures(String token, String region, String level) {
        return figures(token, region, level, DAY);
    }

    static JsonPath figures(String token, String region, String level, LocalDate day) {
        return given().auth().oauth2(token).queryParam("indicator", "ENTRIES_REGISTERED").queryParam("region", region)
                .queryParam("level", level).queryParam("period", "year").queryParam("from", day.toString())
                .queryParam("to", day.toString()).when().get("/api/v1/figures").then().statusCode(200).extract()
                .jsonPath();
    }

    /** Territory → total of each row. */
    static Map<String, Long> rows(JsonPath table) {
        Map<String, Long> out = new HashMap<>();
        List<Map<String, Object>> rows = table.getList("rows");
        for (Map<String, Object> r : rows) {
            Object v = ((Map<?, ?>) r.get("total")).get("value");
            out.put((String) r.get("territory"), v == null ? null : ((Number) v).longValue());
        }
        return out;
    }
}
