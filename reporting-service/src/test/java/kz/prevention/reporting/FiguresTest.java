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

    // ---- Order 163: deadlines missed, terms expired, the control rhythm (2033, this test's own) ----

    record Miss(String region, String deadline, LocalDate due) {
    }

    @Test
    void order163DeadlinesMissedCountAtEveryLevelByDeadlineAndARedeliveryChangesNothing() {
        LocalDate from = LocalDate.of(2033, 2, 1);
        LocalDate to = LocalDate.of(2033, 2, 28);
        List<Miss> planted = List.of(new Miss("100000000", "DATA_ENTRY", from.plusDays(2)),
                new Miss("100000000", "DATA_ENTRY", from.plusDays(8)), new Miss("100000000", "FILE_REVIEW", from.plusDays(19)),
                new Miss("271000000", "CONTROL_PLAN", from.plusDays(3)), new Miss("271010000", "DATA_ENTRY", from.plusDays(4)),
                new Miss("271010001", "FILE_REVIEW", from.plusDays(5)), new Miss("271010001", "FILE_REVIEW", from.plusDays(6)),
                new Miss("271010001", "DATA_ENTRY", to.plusDays(1)));
        Map<Feed.Entry, byte[]> sent = new HashMap<>();
        for (Miss m : planted) {
            Feed.Entry e = new Feed.Entry(m.region(), false);
            sent.put(e, e.deadlineMissed(m.deadline(), m.due()));
        }
        java.util.function.Function<java.util.function.Predicate<String>, Long> in = where -> planted.stream()
                .filter(m -> !m.due().isAfter(to) && where.test(m.region())).count();
        Map<String, Long> regions = Map.of("100000000", in.apply(r -> r.startsWith("10")), "270000000",
                in.apply(r -> r.startsWith("27")));
        Map<String, Long> rural = Map.of("271000000", in.apply(r -> r.equals("271000000")), "271010000",
                in.apply(r -> r.startsWith("271010")));
        String code = "ORDER163_DEADLINES_MISSED";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                rows(figures(SUPERVISOR, code, "000000000", "region", from, to))).containsAllEntriesOf(regions));
        assertThat(regions).containsEntry("100000000", 3L).containsEntry("270000000", 4L);

        sent.forEach((e, envelope) -> Feed.deliver("prevention.registry.entries", e.id.toString(), envelope));
        new Feed.Entry("391010000", false).deadlineMissed("DATA_ENTRY", from.plusDays(9));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                rows(figures(SUPERVISOR, code, "000000000", "region", from, to))).containsEntry("390000000", 1L));
        assertThat(rows(figures(SUPERVISOR, code, "000000000", "region", from, to))).containsAllEntriesOf(regions);
        assertThat(rows(figures(SUPERVISOR, code, "270000000", "district", from, to)))
                .isEqualTo(Map.of("271000000", in.apply(r -> r.startsWith("2710"))));
        assertThat(rows(figures(SUPERVISOR, code, "271000000", "rural-district", from, to))).isEqualTo(rural);
        assertThat(rows(figures(SUPERVISOR, code, "271010000", "settlement", from, to))).isEqualTo(Map.of(
                "271010000", in.apply(r -> r.equals("271010000")), "271010001", in.apply(r -> r.equals("271010001"))));
        assertThat(rows(figures(SUPERVISOR, code, "100000000", "district", from, to)))
                .isEqualTo(Map.of("100000000", regions.get("100000000")));

        // By the deadline's code: each territory's cells, computed from what was planted.
        JsonPath byDeadline = breakdown(SUPERVISOR, code, "deadline", from, to);
        assertThat(byDeadline.getList("values")).containsExactly("CONTROL_PLAN", "DATA_ENTRY", "FILE_REVIEW");
        for (String region : List.of("100000000", "270000000")) {
            for (String deadline : List.of("CONTROL_PLAN", "DATA_ENTRY", "FILE_REVIEW")) {
                long expected = planted.stream().filter(m -> !m.due().isAfter(to) && m.deadline().equals(deadline)
                        && m.region().startsWith(region.substring(0, 2))).count();
                assertThat(byDeadline.getLong("rows.find { it.territory == '" + region + "' }.cells.find { it.value == '"
                        + deadline + "' }.count")).as(region + " " + deadline).isEqualTo(expected);
            }
        }
        // Published below supervisor: every count here is small.
        assertThat(figures(ANALYST, code, "000000000", "region", from, to)
                .getBoolean("rows.find { it.territory == '100000000' }.total.hidden")).isTrue();
        assertThat(breakdown(ANALYST, code, "deadline", from, to)
                .getBoolean("rows.find { it.territory == '100000000' }.cells.find { it.value == 'DATA_ENTRY' }.hidden")).isTrue();
    }

    @Test
    void termsExpiredCountOncePerEntryAndEndDateAtEveryLevel() {
        LocalDate from = LocalDate.of(2033, 4, 1);
        LocalDate to = LocalDate.of(2033, 4, 30);
        record Term(Feed.Entry entry, LocalDate end) {
        }
        Feed.Entry twice = new Feed.Entry("100000000", false);
        List<Term> planted = List.of(new Term(twice, from.plusDays(9)), new Term(twice, from.plusDays(27)),
                new Term(new Feed.Entry("100000000", false), to.plusDays(2)),
                new Term(new Feed.Entry("271000000", false), from.plusDays(2)),
                new Term(new Feed.Entry("271010000", false), from.plusDays(14)),
                new Term(new Feed.Entry("271010001", false), from.plusDays(15)),
                new Term(new Feed.Entry("271010001", true), from.plusDays(16)));
        List<byte[]> sent = new ArrayList<>();
        for (Term t : planted) {
            sent.add(t.entry().termExpired(t.end()));
        }
        // The registry raising the first one again (a redelivery in effect): the same entry and end date.
        twice.termExpired(from.plusDays(9));
        java.util.function.Function<java.util.function.Predicate<String>, Long> in = where -> planted.stream()
                .filter(t -> !t.end().isAfter(to) && where.test(t.entry().region)).count();
        Map<String, Long> regions = Map.of("100000000", in.apply(r -> r.startsWith("10")), "270000000",
                in.apply(r -> r.startsWith("27")));
        String code = "TERMS_EXPIRED";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                rows(figures(SUPERVISOR, code, "000000000", "region", from, to))).containsAllEntriesOf(regions));
        assertThat(regions).containsEntry("100000000", 2L).containsEntry("270000000", 4L);
        for (int i = 0; i < planted.size(); i++) {
            Feed.deliver("prevention.registry.entries", planted.get(i).entry().id.toString(), sent.get(i));
        }
        new Feed.Entry("391010000", false).termExpired(from.plusDays(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                rows(figures(SUPERVISOR, code, "000000000", "region", from, to))).containsEntry("390000000", 1L));
        assertThat(rows(figures(SUPERVISOR, code, "000000000", "region", from, to))).containsAllEntriesOf(regions);
        assertThat(rows(figures(SUPERVISOR, code, "271000000", "rural-district", from, to))).isEqualTo(Map.of(
                "271000000", in.apply(r -> r.equals("271000000")), "271010000", in.apply(r -> r.startsWith("271010"))));
        assertThat(rows(figures(SUPERVISOR, code, "271010000", "settlement", from, to))).isEqualTo(Map.of(
                "271010000", in.apply(r -> r.equals("271010000")), "271010001", in.apply(r -> r.equals("271010001"))));
        assertThat(rows(figures(SUPERVISOR, code, "100000000", "district", from, to)))
                .isEqualTo(Map.of("100000000", regions.get("100000000")));
        JsonPath byMeasure = breakdown(SUPERVISOR, code, "measure", from, to);
        assertThat(byMeasure.getLong("rows.find { it.territory == '270000000' }.cells.find { it.value == 'EDUCATIONAL_MEASURES' }.count"))
                .isEqualTo(planted.stream().filter(t -> t.entry().minor && !t.end().isAfter(to)).count());
        assertThat(figures(ANALYST, code, "000000000", "region", from, to)
                .getBoolean("rows.find { it.territory == '270000000' }.total.hidden")).isTrue();
    }

    /**
     * The control rhythm per entry: among entries with a control due date in June 2033 (a visit due
     * then, on time or late, or a due date missed), the share none of whose June due dates was
     * missed or visited late. The expectations come from this test's own list of due dates.
     */
    @Test
    void theControlRhythmKeptRateCountsEachEntryOnceAtEveryLevel() {
        LocalDate from = LocalDate.of(2033, 6, 1);
        LocalDate to = LocalDate.of(2033, 6, 30);
        record Due(Feed.Entry entry, LocalDate visit, LocalDate due) {
            boolean met() {
                return visit != null && !visit.isAfter(due);
            }
        }
        Map<String, Feed.Entry> e = new java.util.LinkedHashMap<>();
        for (String[] x : new String[][] {{"A", "100000000"}, {"B", "100000000"}, {"C", "100000000"}, {"D", "271000000"},
                {"E", "271000000"}, {"F", "271010000"}, {"G", "271010001"}, {"H", "271010001"}, {"I", "271010001"}}) {
            Feed.Entry entry = new Feed.Entry(x[1], false);
            entry.register(from.minusMonths(1));
            e.put(x[0], entry);
        }
        List<Due> dues = List.of(new Due(e.get("A"), from.plusDays(9), from.plusDays(9)),
                new Due(e.get("B"), from.plusDays(13), from.plusDays(11)), new Due(e.get("C"), null, from.plusDays(19)),
                new Due(e.get("D"), from.plusDays(4), from.plusDays(4)), new Due(e.get("D"), null, from.plusDays(24)),
                new Due(e.get("E"), from.plusDays(2), from.plusDays(2)), new Due(e.get("E"), from.plusDays(16), from.plusDays(16)),
                new Due(e.get("F"), from.plusDays(7), from.plusDays(7)), new Due(e.get("G"), from, from.minusDays(1)),
                new Due(e.get("H"), null, from.plusDays(14)), new Due(e.get("I"), from.minusDays(4), from.plusDays(1)));
        Map<Feed.Entry, List<byte[]>> sent = new java.util.LinkedHashMap<>();
        for (Due d : dues) {
            byte[] envelope = d.visit() == null ? d.entry().controlOverdue(d.due()) : d.entry().control(d.visit(), d.due());
            sent.computeIfAbsent(d.entry(), k -> new ArrayList<>()).add(envelope);
        }
        // The entries with a due date in June, and those that kept every June due date, in a territory.
        java.util.function.BiFunction<java.util.function.Predicate<String>, Boolean, Long> in = (where, keptOnly) -> dues
                .stream().filter(d -> !d.due().isBefore(from) && !d.due().isAfter(to) && where.test(d.entry().region))
                .map(Due::entry).distinct().filter(x -> !keptOnly || dues.stream().noneMatch(d -> d.entry() == x
                        && !d.due().isBefore(from) && !d.due().isAfter(to) && !d.met()))
                .count();
        java.util.function.Function<java.util.function.Predicate<String>, Double> rate = where -> Math.round(
                1000.0 * in.apply(where, true) / in.apply(where, false)) / 10.0;
        Map<String, Double> regions = Map.of("100000000", rate.apply(r -> r.startsWith("10")), "270000000",
                rate.apply(r -> r.startsWith("27")));
        assertThat(regions).containsEntry("100000000", 33.3).containsEntry("270000000", 60.0);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(rates(figures(SUPERVISOR,
                "CONTROL_RHYTHM_KEPT_RATE", "000000000", "region", from, to))).containsAllEntriesOf(regions));
        assertThat(rows(figures(SUPERVISOR, "CONTROL_RHYTHM_ENTRIES", "000000000", "region", from, to)))
                .containsEntry("100000000", in.apply(r -> r.startsWith("10"), false))
                .containsEntry("270000000", in.apply(r -> r.startsWith("27"), false));
        assertThat(rows(figures(SUPERVISOR, "CONTROL_RHYTHM_KEPT", "000000000", "region", from, to)))
                .containsEntry("100000000", in.apply(r -> r.startsWith("10"), true))
                .containsEntry("270000000", in.apply(r -> r.startsWith("27"), true));

        sent.forEach((entry, envelopes) -> envelopes.forEach(x -> Feed.deliver("prevention.registry.entries",
                entry.id.toString(), x)));
        Feed.Entry marker = new Feed.Entry("391010000", false);
        marker.register(from.minusMonths(1));
        marker.control(from.plusDays(3), from.plusDays(3));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(rows(figures(SUPERVISOR,
                "CONTROL_RHYTHM_ENTRIES", "000000000", "region", from, to))).containsEntry("390000000", 1L));
        assertThat(rates(figures(SUPERVISOR, "CONTROL_RHYTHM_KEPT_RATE", "000000000", "region", from, to)))
                .containsAllEntriesOf(regions);
        assertThat(rates(figures(SUPERVISOR, "CONTROL_RHYTHM_KEPT_RATE", "271000000", "rural-district", from, to)))
                .isEqualTo(Map.of("271000000", rate.apply(r -> r.equals("271000000")), "271010000",
                        rate.apply(r -> r.startsWith("271010"))));
        assertThat(rates(figures(SUPERVISOR, "CONTROL_RHYTHM_KEPT_RATE", "271010000", "settlement", from, to)))
                .isEqualTo(Map.of("271010000", rate.apply(r -> r.equals("271010000")), "271010001",
                        rate.apply(r -> r.equals("271010001"))));
        assertThat(rates(figures(SUPERVISOR, "CONTROL_RHYTHM_KEPT_RATE", "100000000", "district", from, to)))
                .isEqualTo(Map.of("100000000", regions.get("100000000")));
        // Below supervisor the counts under 5 are hidden, and the rate computed from them with them.
        JsonPath published = figures(ANALYST, "CONTROL_RHYTHM_KEPT_RATE", "000000000", "region", from, to);
        assertThat(published.getBoolean("rows.find { it.territory == '100000000' }.total.hidden")).isTrue();
        assertThat(published.getString("rows.find { it.territory == '100000000' }.total.value")).isNull();
    }

    static JsonPath figures(String token, String indicator, String region, String level, LocalDate from, LocalDate to) {
        return given().auth().oauth2(token).queryParam("indicator", indicator).queryParam("region", region)
                .queryParam("level", level).queryParam("period", "year").queryParam("from", from.toString())
                .queryParam("to", to.toString()).when().get("/api/v1/figures").then().statusCode(200).extract()
                .jsonPath();
    }

    static JsonPath breakdown(String token, String indicator, String by, LocalDate from, LocalDate to) {
        return given().auth().oauth2(token).queryParam("indicator", indicator).queryParam("by", by)
                .queryParam("region", "000000000").queryParam("level", "region").queryParam("from", from.toString())
                .queryParam("to", to.toString()).when().get("/api/v1/figures/breakdown").then().statusCode(200).extract()
                .jsonPath();
    }

    /** Territory → the rate in each row's total. */
    static Map<String, Double> rates(JsonPath table) {
        Map<String, Double> out = new HashMap<>();
        List<Map<String, Object>> rows = table.getList("rows");
        for (Map<String, Object> r : rows) {
            Object v = ((Map<?, ?>) r.get("total")).get("value");
            // JsonPath reads JSON decimals as floats: back to the one decimal the service rounds to.
            out.put((String) r.get("territory"), v == null ? null : Math.round(((Number) v).doubleValue() * 10) / 10.0);
        }
        return out;
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
