package kz.prevention.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.reporting.support.Feed;
import kz.prevention.reporting.support.SeededYear;
import kz.prevention.testing.TestKafka;
import kz.prevention.testing.TestTokens;

/**
 * Dropping the read models and replaying every topic from offset 0 gives exactly the same rows
 * (digest of every table in key order) as the live consumption did — twice in a row — and the
 * same report. Its own years are 2025–2027.
 */
@QuarkusTest
class RebuildTest {

    static final String ADMIN = TestTokens.role("platform-admin", "000000000");

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Test
    void replayingEveryTopicTwiceGivesTheLiveReadModelsExactly() {
        SeededYear seeded = new SeededYear(2027, 7L);
        Feed.Entry moved = new Feed.Entry("751110000", false);
        // Registered, removed and transferred in 2025: outside the seeded years' figures.
        moved.register(LocalDate.of(2025, 5, 5));
        // Who held it, and a deadline missed: the officers' and units' read models are rebuilt with the others.
        moved.assignOfficer(UUID.randomUUID(), "751110000", "POLICE", LocalDate.of(2025, 5, 5), "REGISTERED");
        moved.deadlineMissed("DATA_ENTRY", LocalDate.of(2025, 5, 8));
        moved.assignOfficer(null, "751110000", "POLICE", LocalDate.of(2025, 5, 20), "UPDATED");
        moved.remove(LocalDate.of(2025, 6, 1));
        moved.transfer("711210000");
        // Its plan moves too: the measure assigned before the move and the one after both count in Astana,
        // whichever order a replay brings the plans' and measures' topics in.
        UUID plan = UUID.randomUUID();
        new Feed.Measure(moved, "PREVENTIVE_CONVERSATION", "POLICE", LocalDate.of(2025, 5, 20), plan, "751110000")
                .assign(LocalDate.of(2025, 5, 6));
        Feed.transferPlan(plan, moved.id, "751110000", "711210000");
        new Feed.Measure(moved, "PREVENTIVE_CONVERSATION", "POLICE", LocalDate.of(2025, 5, 30), plan, "711210000")
                .assign(LocalDate.of(2025, 5, 16));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(
                NationalReportTest.values(report(2027), "value")).containsAllEntriesOf(seeded.expected(2027)));
        // The transfer is the last event of its stream: once it is applied, every event published so far is.
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.supervisor())
                .queryParam("indicator", "ENTRIES_REGISTERED").queryParam("region", "710000000").queryParam("period", "year")
                .queryParam("from", "2025-01-01").queryParam("to", "2025-12-31").get("/api/v1/figures").then()
                .statusCode(200).extract().jsonPath().getInt("scope.total.value") >= 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.supervisor())
                .queryParam("indicator", "MEASURES_ASSIGNED").queryParam("region", "710000000").queryParam("period", "year")
                .queryParam("from", "2025-01-01").queryParam("to", "2025-12-31").get("/api/v1/figures").then()
                .statusCode(200).extract().jsonPath().getInt("scope.total.value") == 2);
        Map<String, Object> live = state();
        assertThat(live).containsKeys("responsibility_fact", "deadline_missed_fact", "term_expired_fact")
                .doesNotContainKeys("report_job", "report_file");
        Map<String, List<String>> liveShapes = shapes();
        long livePositions = positions("inbox_aggregate");
        String liveReport = given().auth().oauth2(TestTokens.supervisor()).queryParam("year", 2027)
                .get("/api/v1/reports/national").then().statusCode(200).extract().asString();

        int audited = rebuildsAudited().size();
        for (int round = 1; round <= 2; round++) {
            io.restassured.path.json.JsonPath answer = given().auth().oauth2(ADMIN).post("/api/v1/admin/read-models/rebuild")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(answer.getLong("droppedRows")).as("round %d dropped the read models", round).isPositive();
            // The administrator's rebuild is in the audit log, written before it started.
            List<Instant> rebuilds = rebuildsAudited();
            assertThat(rebuilds).as("round %d is audited", round).hasSize(audited + round);
            assertThat(rebuilds.get(rebuilds.size() - 1)).isBeforeOrEqualTo(Instant.parse(answer.getString("rebuild.startedAt")));
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(state()).isEqualTo(live));
            // Bulk-loaded unlogged and with its unique indexes only, each table is swapped in logged, with every index
            // and trigger the live one had, under the same names.
            assertThat(shapes()).as("round %d: persistence, indexes and triggers", round).isEqualTo(liveShapes);
            // The consumer's positions were replaced by attaching the replay's copy as its own partition.
            assertThat(positions("inbox_aggregate")).as("round %d: positions", round).isEqualTo(livePositions);
            assertThat(positions("inbox_aggregate_default")).as("round %d: none left in the default partition", round)
                    .isZero();
            assertThat(given().auth().oauth2(TestTokens.supervisor()).queryParam("year", 2027)
                    .get("/api/v1/reports/national").then().statusCode(200).extract().asString()).isEqualTo(liveReport);
        }
    }

    /**
     * The rebuild reads up to the end offsets it saw at its start, with the live consumer held; live
     * consumption then goes on from exactly there. An event published just before the rebuild (live
     * may or may not have applied it) and one published while it runs are each counted once, and
     * neither is dead-lettered as a stale repeat (which reading it twice would cause).
     */
    @Test
    void anEventPublishedDuringTheRebuildIsCountedExactlyOnce() {
        String region = "631010000";
        LocalDate day = LocalDate.of(2022, 3, 14);
        List<Feed.Entry> settled = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Feed.Entry e = new Feed.Entry(region, false);
            e.register(day);
            settled.add(e);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> registered2022(region) == 3);
        // Enough history that the replay outlasts the publishing of the event below (registered and removed
        // the same day: no other test's stock counts them).
        for (int i = 0; i < 150; i++) {
            Feed.Entry padding = new Feed.Entry("711210000", false);
            padding.register(LocalDate.of(2018, 1, 1).plusDays(i));
            padding.remove(LocalDate.of(2018, 1, 1).plusDays(i));
        }
        Feed.Entry justBefore = new Feed.Entry(region, false);
        justBefore.register(day);

        given().auth().oauth2(ADMIN).queryParam("wait", false).post("/api/v1/admin/read-models/rebuild").then()
                .statusCode(202).header("Location", org.hamcrest.Matchers.endsWith("/api/v1/admin/read-models/rebuild"));
        Feed.Entry during = new Feed.Entry(region, false);
        during.register(day);
        Instant published = Instant.now();

        Map<String, Object> done = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(RebuildTest::rebuildStatus, s -> !"RUNNING".equals(((Map<?, ?>) s.get("rebuild")).get("state")));
        Map<?, ?> rebuild = (Map<?, ?>) done.get("rebuild");
        assertThat(rebuild.get("state")).isEqualTo("DONE");
        assertThat(Instant.parse((String) rebuild.get("finishedAt"))).as("the event was published while the rebuild ran")
                .isAfter(published);
        await().atMost(Duration.ofSeconds(60)).until(() -> registered2022(region) == 5);
        // A second look: nothing arrives late to count an entry twice.
        given().auth().oauth2(ADMIN).post("/api/v1/admin/read-models/rebuild").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> registered2022(region) == 5);
        assertThat(registered2022(region)).isEqualTo(5);
        List<String> deadLettered = TestKafka.readAll(TestKafka.topic("prevention.registry.entries.dlt")).stream()
                .map(r -> r.key()).toList();
        assertThat(deadLettered).doesNotContain(justBefore.id.toString(), during.id.toString());
        assertThat(deadLettered).doesNotContainAnyElementsOf(settled.stream().map(e -> e.id.toString()).toList());

        // Off the registry again (removed in 2022), so the stocks other tests count at later year ends stay theirs.
        settled.add(justBefore);
        settled.add(during);
        settled.forEach(e -> e.remove(day));
        await().atMost(Duration.ofSeconds(60)).until(() -> figure2022("ENTRIES_REMOVED", region) == 5);
    }

    /** When each rebuild was audited (UPDATE of the read models, about no person), oldest first. */
    private List<Instant> rebuildsAudited() {
        List<Instant> out = new ArrayList<>();
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(
                "SELECT at FROM audit_log WHERE action = 'UPDATE' AND resource_type = 'read-models' AND resource_id = ?"
                        + " AND person_id IS NULL AND details = ? ORDER BY id")) {
            ps.setString(1, kz.prevention.reporting.facts.FiguresFeed.NAME);
            ps.setString(2, "rebuild: read models rebuilt from every topic from offset 0 and swapped in");
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getTimestamp(1).toInstant());
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** The figures consumer's positions (rows of {@code inbox_aggregate}) in a table or partition. */
    private long positions(String table) {
        try (java.sql.Connection c = dataSource.getConnection();
                java.sql.PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE consumer LIKE ?")) {
            ps.setString(1, "%" + kz.prevention.reporting.facts.FiguresFeed.NAME);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Per read-model table: its persistence ('p' logged), index definitions and trigger definitions. */
    private Map<String, List<String>> shapes() {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        try (java.sql.Connection c = dataSource.getConnection()) {
            for (String table : kz.prevention.reporting.facts.FactStore.REBUILT_TABLES) {
                List<String> shape = new ArrayList<>();
                try (java.sql.PreparedStatement ps = c.prepareStatement("""
                        SELECT 'persistence ' || relpersistence::text FROM pg_class WHERE oid = to_regclass(?)
                        UNION ALL SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ?
                        UNION ALL SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgrelid = to_regclass(?) AND NOT tgisinternal
                        ORDER BY 1""")) {
                    ps.setString(1, table);
                    ps.setString(2, table);
                    ps.setString(3, table);
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            shape.add(rs.getString(1));
                        }
                    }
                }
                out.put(table, shape);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(out.get("entry_fact")).contains("persistence p").hasSizeGreaterThan(2);
        return out;
    }

    private static int registered2022(String region) {
        return figure2022("ENTRIES_REGISTERED", region);
    }

    private static int figure2022(String indicator, String region) {
        return given().auth().oauth2(TestTokens.supervisor()).queryParam("indicator", indicator)
                .queryParam("region", region).queryParam("period", "year").queryParam("from", "2022-01-01")
                .queryParam("to", "2022-12-31").get("/api/v1/figures").then().statusCode(200).extract().jsonPath()
                .getInt("scope.total.value");
    }

    private static Map<String, Object> rebuildStatus() {
        return given().auth().oauth2(ADMIN).get("/api/v1/admin/read-models/rebuild").then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 202)).extract().jsonPath().getMap("");
    }

    @Test
    void onlyThePlatformAdministratorRebuilds() {
        given().auth().oauth2(TestTokens.supervisor()).post("/api/v1/admin/read-models/rebuild").then().statusCode(403);
        given().auth().oauth2(TestTokens.role("analyst", "000000000")).get("/api/v1/admin/read-models").then().statusCode(403);
    }

    static Map<String, Object> state() {
        return given().auth().oauth2(ADMIN).get("/api/v1/admin/read-models").then().statusCode(200).extract().jsonPath()
                .getMap("");
    }

    static io.restassured.path.json.JsonPath report(int year) {
        return given().auth().oauth2(TestTokens.supervisor()).queryParam("year", year).get("/api/v1/reports/national")
                .then().statusCode(200).extract().jsonPath();
    }
}
