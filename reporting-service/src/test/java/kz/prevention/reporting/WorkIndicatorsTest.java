package kz.prevention.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kz.prevention.reporting.support.Feed;
import kz.prevention.testing.TestKafka;
import kz.prevention.testing.TestTokens;

/**
 * Officers' and units' prevention-work indicators (issue 12 §6): two officers in two units — Abai
 * region's police (KATO 100000000, its own district) and a district of West Kazakhstan (271000000) —
 * one entry passing from one to the other in mid-March, one reassigned within its unit, one held
 * without a named account. The expected figures come from a model of the scenario in this test
 * ({@link Scenario}: the holder of an entry on a day is its last assignment from that day or before),
 * not from the service's SQL. Its own year is 2032.
 */
@QuarkusTest
class WorkIndicatorsTest {

    static final String ABAI = "100000000";
    static final String WKO_DISTRICT = "271000000";
    static final String UNIT_ABAI = "POLICE-100000000";
    static final String UNIT_WKO = "POLICE-271000000";
    static final LocalDate FROM = LocalDate.of(2032, 3, 1);
    static final LocalDate TO = LocalDate.of(2032, 3, 31);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    io.micrometer.core.instrument.MeterRegistry meters;

    /** The scenario as published, and the model the expectations are computed from. */
    static final class Scenario {
        record Holding(UUID officer, String unit, LocalDate from) {
        }

        record Fact(String indicator, Feed.Entry entry, LocalDate day) {
        }

        final Map<Feed.Entry, List<Holding>> holdings = new LinkedHashMap<>();
        final List<Fact> facts = new ArrayList<>();
        final Map<Feed.Entry, LocalDate[]> life = new LinkedHashMap<>();
        final List<byte[]> published = new ArrayList<>();
        final List<String[]> measures = new ArrayList<>();

        Feed.Entry register(String region, LocalDate on, UUID officer) {
            Feed.Entry e = new Feed.Entry(region, false);
            published.add(e.register(on));
            life.put(e, new LocalDate[] {on, null});
            assign(e, officer, region, on, "REGISTERED");
            return e;
        }

        void assign(Feed.Entry e, UUID officer, String region, LocalDate on, String occasion) {
            published.add(e.assignOfficer(officer, region, "POLICE", on, occasion));
            holdings.computeIfAbsent(e, x -> new ArrayList<>()).add(new Holding(officer, "POLICE-" + region, on));
        }

        void transfer(Feed.Entry e, String to, UUID officer, LocalDate on) {
            published.add(e.transfer(to));
            assign(e, officer, to, on, "TRANSFERRED");
        }

        void visit(Feed.Entry e, LocalDate visit, LocalDate due) {
            published.add(e.control(visit, due));
            facts.add(new Fact(visit.isAfter(due) ? "WORK_CONTROL_VISITS_LATE" : "WORK_CONTROL_VISITS_ON_TIME", e, visit));
        }

        void overdue(Feed.Entry e, LocalDate due) {
            published.add(e.controlOverdue(due));
            facts.add(new Fact("WORK_CONTROL_DEADLINES_MISSED", e, due));
        }

        void missed(Feed.Entry e, String deadline, LocalDate due) {
            published.add(e.deadlineMissed(deadline, due));
            facts.add(new Fact("WORK_ORDER_163_DEADLINES_MISSED", e, due));
        }

        void remove(Feed.Entry e, LocalDate on) {
            published.add(e.remove(on));
            life.get(e)[1] = on;
        }

        /** A measure executed by {@code agency} in {@code region}: counted for that unit only. */
        void measure(Feed.Entry e, String agency, String region, LocalDate due, LocalDate done) {
            Feed.Measure m = new Feed.Measure(e, "PREVENTIVE_CONVERSATION", agency, due, UUID.randomUUID(), region);
            published.add(m.assign(due.minusDays(20)));
            published.add(m.complete(done));
            measures.add(new String[] {agency + "-" + region, done.isAfter(due) ? "WORK_MEASURES_DONE_LATE"
                    : "WORK_MEASURES_DONE_ON_TIME", done.toString()});
        }

        Holding holderOn(Feed.Entry e, LocalDate day) {
            Holding h = null;
            for (Holding x : holdings.getOrDefault(e, List.of())) {
                if (!x.from().isAfter(day)) {
                    h = x;
                }
            }
            return h;
        }

        /** indicator → count for the holdings that {@code who} accepts, over FROM..TO. */
        Map<String, Long> expected(java.util.function.Predicate<Holding> who, String unitForMeasures) {
            Map<String, Long> out = new TreeMap<>();
            for (Fact f : facts) {
                Holding h = holderOn(f.entry(), f.day());
                if (!f.day().isBefore(FROM) && !f.day().isAfter(TO) && h != null && who.test(h)) {
                    out.merge(f.indicator(), 1L, Long::sum);
                }
            }
            life.forEach((e, dates) -> {
                Holding h = holderOn(e, TO);
                if (!dates[0].isAfter(TO) && (dates[1] == null || dates[1].isAfter(TO)) && h != null && who.test(h)) {
                    out.merge("WORK_CASELOAD_AT_END", 1L, Long::sum);
                }
            });
            for (String[] m : measures) {
                LocalDate done = LocalDate.parse(m[2]);
                if (m[0].equals(unitForMeasures) && !done.isBefore(FROM) && !done.isAfter(TO)) {
                    out.merge(m[1], 1L, Long::sum);
                }
            }
            return out;
        }
    }

    static String officerToken(String username, String region) {
        return TestTokens.user(username).roles("registry-officer").agency("POLICE").region(region).sign();
    }

    static UUID accountOf(String username) {
        return UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void officersAndUnitsGetTheFiguresOfWhatTheyHeldEachDayAndNothingReachesPublishedFigures() throws Exception {
        String nameA = "officer.a." + UUID.randomUUID();
        String nameB = "officer.b." + UUID.randomUUID();
        UUID a = accountOf(nameA);
        UUID b = accountOf(nameB);
        Scenario s = new Scenario();
        // e1: officer A in Abai, then transferred on 15 March to the West Kazakhstan district, officer B.
        Feed.Entry e1 = s.register(ABAI, LocalDate.of(2032, 2, 20), a);
        s.visit(e1, LocalDate.of(2032, 2, 27), LocalDate.of(2032, 2, 27)); // before the period
        s.visit(e1, LocalDate.of(2032, 3, 3), LocalDate.of(2032, 3, 5));
        s.visit(e1, LocalDate.of(2032, 3, 12), LocalDate.of(2032, 3, 10));
        s.overdue(e1, LocalDate.of(2032, 3, 14));
        s.transfer(e1, WKO_DISTRICT, b, LocalDate.of(2032, 3, 15));
        s.missed(e1, "TRANSFER_FILE", LocalDate.of(2032, 3, 18));
        s.overdue(e1, LocalDate.of(2032, 3, 20));
        s.visit(e1, LocalDate.of(2032, 3, 22), LocalDate.of(2032, 3, 22));
        // e2: officer B in the district, a late data entry, removed before the period's end.
        Feed.Entry e2 = s.register(WKO_DISTRICT, LocalDate.of(2032, 3, 2), b);
        s.missed(e2, "DATA_ENTRY", LocalDate.of(2032, 3, 5));
        s.visit(e2, LocalDate.of(2032, 3, 9), LocalDate.of(2032, 3, 9));
        s.remove(e2, LocalDate.of(2032, 3, 25));
        // e3: held in the district without a named account: the unit's, nobody's own.
        Feed.Entry e3 = s.register(WKO_DISTRICT, LocalDate.of(2032, 3, 3), null);
        s.visit(e3, LocalDate.of(2032, 3, 10), LocalDate.of(2032, 3, 8));
        // e4: Abai, officer A until 10 March, then officer B (a correction within the unit).
        Feed.Entry e4 = s.register(ABAI, LocalDate.of(2032, 1, 10), a);
        s.visit(e4, LocalDate.of(2032, 3, 5), LocalDate.of(2032, 3, 6));
        s.assign(e4, b, ABAI, LocalDate.of(2032, 3, 10), "UPDATED");
        s.visit(e4, LocalDate.of(2032, 3, 20), LocalDate.of(2032, 3, 20));
        s.visit(e4, LocalDate.of(2032, 4, 2), LocalDate.of(2032, 4, 1)); // after the period
        // e5: officer A in Abai, open at the end.
        Feed.Entry e5 = s.register(ABAI, LocalDate.of(2032, 3, 28), a);
        // Measures count for the executing agency's unit; another agency's unit is no police head's.
        s.measure(e1, "POLICE", ABAI, LocalDate.of(2032, 3, 10), LocalDate.of(2032, 3, 8));
        s.measure(e2, "POLICE", WKO_DISTRICT, LocalDate.of(2032, 3, 10), LocalDate.of(2032, 3, 12));
        s.measure(e3, "EDUCATION", WKO_DISTRICT, LocalDate.of(2032, 3, 20), LocalDate.of(2032, 3, 19));

        Map<String, Long> forA = s.expected(h -> a.equals(h.officer()), null);
        Map<String, Long> forB = s.expected(h -> b.equals(h.officer()), null);
        Map<String, Long> abai = s.expected(h -> UNIT_ABAI.equals(h.unit()), UNIT_ABAI);
        Map<String, Long> wko = s.expected(h -> UNIT_WKO.equals(h.unit()), UNIT_WKO);
        Map<String, Long> wkoNobody = s.expected(h -> UNIT_WKO.equals(h.unit()) && h.officer() == null, null);
        // The model's figures, spelled out once so a wrong model is seen too.
        assertThat(forA).containsExactlyInAnyOrderEntriesOf(Map.of("WORK_CONTROL_VISITS_ON_TIME", 2L,
                "WORK_CONTROL_VISITS_LATE", 1L, "WORK_CONTROL_DEADLINES_MISSED", 1L, "WORK_CASELOAD_AT_END", 1L));
        assertThat(forB).containsExactlyInAnyOrderEntriesOf(Map.of("WORK_CONTROL_VISITS_ON_TIME", 3L,
                "WORK_CONTROL_DEADLINES_MISSED", 1L, "WORK_ORDER_163_DEADLINES_MISSED", 2L, "WORK_CASELOAD_AT_END", 2L));

        String tokenA = officerToken(nameA, ABAI);
        String tokenB = officerToken(nameB, WKO_DISTRICT);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(figures(mine(tokenA).getMap("indicators"))).isEqualTo(forA);
            assertThat(figures(mine(tokenB).getMap("indicators"))).isEqualTo(forB);
            assertThat(figures(unitsOf(TestTokens.head("270000000")).getMap("units.find { it.unit == '" + UNIT_WKO
                    + "' }.indicators"))).isEqualTo(wko);
        });
        JsonPath mineA = mine(tokenA);
        // The answers carry their figures only: what they are audited as is not in them.
        assertThat(mineA.getMap("$")).containsOnlyKeys("officerId", "from", "to", "indicators", "units");
        assertThat(mineA.getString("officerId")).isEqualTo(a.toString());
        assertThat(mineA.getList("units")).containsExactly(UNIT_ABAI);
        assertThat(mineA.getMap("indicators")).containsEntry("measuresDoneOnTime", null);
        assertThat(mine(tokenB).getList("units")).containsExactly(UNIT_ABAI, UNIT_WKO);

        // What A's figures are built from: entry ids, days, due dates, on-time flags; no names anywhere.
        JsonPath facts = given().auth().oauth2(tokenA).queryParam("from", FROM.toString()).queryParam("to", TO.toString())
                .get("/api/v1/officers/me/indicators/facts").then().statusCode(200).extract().jsonPath();
        assertThat(facts.getList("facts")).hasSize((int) forA.values().stream().mapToLong(Long::longValue).sum());
        JsonPath late = given().auth().oauth2(tokenA).queryParam("indicator", "WORK_CONTROL_VISITS_LATE")
                .queryParam("from", FROM.toString()).queryParam("to", TO.toString())
                .get("/api/v1/officers/me/indicators/facts").then().statusCode(200).extract().jsonPath();
        assertThat(late.getList("facts.id")).containsExactly(e1.id.toString());
        assertThat(late.getList("facts.dueDate")).containsExactly("2032-03-10");
        assertThat(late.getList("facts.onTime")).containsExactly(false);
        assertThat(late.getList("facts.unit")).containsExactly(UNIT_ABAI);
        JsonPath missedB = given().auth().oauth2(tokenB).queryParam("indicator", "WORK_ORDER_163_DEADLINES_MISSED")
                .queryParam("from", FROM.toString()).queryParam("to", TO.toString())
                .get("/api/v1/officers/me/indicators/facts").then().statusCode(200).extract().jsonPath();
        assertThat(missedB.getList("facts.code")).containsExactly("DATA_ENTRY", "TRANSFER_FILE");
        given().auth().oauth2(tokenA).queryParam("indicator", "WORK_MEASURES_DONE_ON_TIME")
                .get("/api/v1/officers/me/indicators/facts").then().statusCode(400);

        // Heads: each sees its own agency's units within the unit it heads, and their officers.
        JsonPath abaiHead = unitsOf(TestTokens.head(ABAI));
        assertThat(abaiHead.getList("units.unit")).containsExactly(UNIT_ABAI);
        assertThat(figures(abaiHead.getMap("units[0].indicators"))).isEqualTo(abai);
        JsonPath wkoHead = unitsOf(TestTokens.head("270000000"));
        assertThat(wkoHead.getMap("$")).containsOnlyKeys("region", "from", "to", "units");
        assertThat(wkoHead.getList("units.unit")).containsExactly(UNIT_WKO);
        assertThat(wkoHead.getList("units.unit")).doesNotContain("EDUCATION-271000000");
        JsonPath officers = given().auth().oauth2(TestTokens.head("270000000")).queryParam("from", FROM.toString())
                .queryParam("to", TO.toString()).get("/api/v1/units/" + UNIT_WKO + "/officers/indicators").then()
                .statusCode(200).extract().jsonPath();
        assertThat(figures(officers.getMap("indicators"))).isEqualTo(wko);
        assertThat(officers.getList("officers.officerId")).containsExactly(b.toString());
        assertThat(figures(officers.getMap("officers[0].indicators")))
                .isEqualTo(s.expected(h -> b.equals(h.officer()) && UNIT_WKO.equals(h.unit()), null));
        assertThat(figures(officers.getMap("unattributed"))).isEqualTo(wkoNobody);
        given().auth().oauth2(TestTokens.head(ABAI)).get("/api/v1/units/" + UNIT_WKO + "/officers/indicators").then()
                .statusCode(404);
        assertThat(unitsOf(TestTokens.head("710000000")).getList("units")).isEmpty();

        // Redelivered events change nothing.
        Map<String, Object> before = tables();
        double duplicates = figuresDuplicates();
        s.published.forEach(envelope -> redeliver(envelope));
        // Once the figures consumer has counted every repeat as a duplicate, none of them changed a row.
        await().atMost(Duration.ofSeconds(60)).until(() -> figuresDuplicates() >= duplicates + s.published.size());
        assertThat(tables()).isEqualTo(before);
        assertThat(figures(mine(tokenA).getMap("indicators"))).isEqualTo(forA);

        // Never published: neither the National report nor the analysts' stream names an officer.
        String report = given().auth().oauth2(TestTokens.supervisor()).queryParam("year", 2032)
                .get("/api/v1/reports/national").then().statusCode(200).extract().asString();
        String csv = given().auth().oauth2(TestTokens.supervisor()).queryParam("year", 2032).queryParam("format", "csv")
                .get("/api/v1/reports/national").then().statusCode(200).extract().asString();
        for (String published : List.of(report, csv)) {
            assertThat(published).doesNotContain(a.toString(), b.toString(), "officerId", "WORK_");
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> TestKafka.readAll(
                TestKafka.topic(AnalystStreamTest.TOPIC)).stream().anyMatch(r -> new String(r.value(),
                StandardCharsets.UTF_8).contains("2032-03-28")));
        TestKafka.readAll(TestKafka.topic(AnalystStreamTest.TOPIC)).forEach(r -> assertThat(new String(r.value(),
                StandardCharsets.UTF_8)).doesNotContain(a.toString(), b.toString(), "officer"));

        // Every read is audited: each endpoint's answer as a READ of whose figures over which period, and the
        // unit refused to the Abai head as DENIED. No row names a person.
        String period = " " + FROM + ".." + TO + "'";
        String read = "audit_log WHERE resource_type = 'work-indicators' AND action = 'READ' AND person_id IS NULL AND ";
        assertThat(count(read + "resource_id = 'officer/" + a + "'")).isGreaterThanOrEqualTo(3);
        assertThat(count(read + "resource_id = 'officer/" + a + "' AND details LIKE '%own indicators" + period))
                .isGreaterThanOrEqualTo(1);
        assertThat(count(read + "resource_id = 'officer/" + a + "' AND details LIKE '%own facts all" + period))
                .isEqualTo(1);
        assertThat(count(read + "resource_id = 'officer/" + a + "' AND details LIKE '%own facts WORK_CONTROL_VISITS_LATE"
                + period)).isEqualTo(1);
        assertThat(count(read + "resource_id = 'units/POLICE/270000000' AND details LIKE '%units'' indicators" + period))
                .isGreaterThanOrEqualTo(1);
        assertThat(count(read + "resource_id = 'unit/" + UNIT_WKO + "' AND details LIKE '%unit''s officers'' indicators"
                + period)).isEqualTo(1);
        assertThat(count("audit_log WHERE resource_type = 'work-indicators' AND action = 'DENIED' AND person_id IS NULL"
                + " AND resource_id = 'unit/" + UNIT_WKO + "' AND details LIKE '%unit outside the caller''s scope, or none'"))
                .isGreaterThanOrEqualTo(1);
    }

    private static JsonPath mine(String token) {
        return given().auth().oauth2(token).queryParam("from", FROM.toString()).queryParam("to", TO.toString())
                .get("/api/v1/officers/me/indicators").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath unitsOf(String headToken) {
        return given().auth().oauth2(headToken).queryParam("from", FROM.toString()).queryParam("to", TO.toString())
                .get("/api/v1/units/indicators").then().statusCode(200).extract().jsonPath();
    }

    /** The answer's figures as indicator codes → counts, zeros and nulls left out (as the model has them). */
    static Map<String, Long> figures(Map<String, Object> indicators) {
        Map<String, String> codes = Map.of("controlVisitsOnTime", "WORK_CONTROL_VISITS_ON_TIME", "controlVisitsLate",
                "WORK_CONTROL_VISITS_LATE", "controlDeadlinesMissed", "WORK_CONTROL_DEADLINES_MISSED",
                "order163DeadlinesMissed", "WORK_ORDER_163_DEADLINES_MISSED", "caseloadAtEnd", "WORK_CASELOAD_AT_END",
                "measuresDoneOnTime", "WORK_MEASURES_DONE_ON_TIME", "measuresDoneLate", "WORK_MEASURES_DONE_LATE");
        Map<String, Long> out = new TreeMap<>();
        if (indicators == null) {
            return out;
        }
        indicators.forEach((k, v) -> {
            if (v != null && ((Number) v).longValue() != 0) {
                out.put(codes.get(k), ((Number) v).longValue());
            }
        });
        return out;
    }

    private static void redeliver(byte[] envelope) {
        try {
            var node = Feed.JSON.readTree(envelope);
            String topic = node.path("type").asText().startsWith("kz.prevention.measures") ? "prevention.measures.measures"
                    : "prevention.registry.entries";
            Feed.deliver(topic, node.path("subject").asText(), envelope);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private double figuresDuplicates() {
        return meters.find("eventing.inbox.duplicates").counters().stream()
                .filter(c -> String.valueOf(c.getId().getTag("consumer")).contains("figures"))
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }

    private Map<String, Object> tables() {
        return given().auth().oauth2(RebuildTest.ADMIN).get("/api/v1/admin/read-models").then().statusCode(200).extract()
                .jsonPath().getMap("$");
    }

    private long count(String fromWhere) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM " + fromWhere)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
