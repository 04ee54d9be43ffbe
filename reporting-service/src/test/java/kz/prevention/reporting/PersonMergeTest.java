package kz.prevention.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.reporting.support.Feed;
import kz.prevention.testing.TestTokens;

/**
 * A person merged in the registry (person.merged: B, registered without an IIN, is A) is one person
 * to the figures that compare an entry with its person's others: A's entry removed, then B's entry
 * registered within 12 months, is a repeat registration once B is merged into A — whether the merge
 * arrives after B's entry or before it (the persons' and the entries' topics have no order between
 * them), and again after the read models are rebuilt from offset 0. Its year, 2038, is this test's own;
 * each scenario has its own district.
 */
@QuarkusTest
class PersonMergeTest {

    static final LocalDate REMOVED = LocalDate.of(2038, 1, 10);
    static final LocalDate REGISTERED_AGAIN = LocalDate.of(2038, 3, 1);

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    /** A, on the registry until {@link #REMOVED}; B, who is A, registered again on {@link #REGISTERED_AGAIN}. */
    private record Pair(Feed.Person a, Feed.Person b, Feed.Entry first, Feed.Entry again) {
        static Pair in(String region) {
            Feed.Person a = new Feed.Person();
            Feed.Person b = new Feed.Person();
            return new Pair(a, b, new Feed.Entry(region, false, "PROTECTIVE_ORDER", a.id),
                    new Feed.Entry(region, false, "PROTECTIVE_ORDER", b.id));
        }

        void firstRegistrationAndRemoval() {
            a.register();
            first.register(REMOVED.minusMonths(2));
            first.remove(REMOVED);
        }

        /** What the registry publishes when it merges B into A: the person's event and an update per moved entry. */
        void merge() {
            b.mergeInto(a, List.of(again.id));
        }
    }

    @Test
    void aMergeAfterTheEntriesMakesTheSecondRegistrationARepeat() {
        String region = "591010000";
        Pair p = Pair.in(region);
        p.firstRegistrationAndRemoval();
        p.b.register();
        p.again.register(REGISTERED_AGAIN);
        await().atMost(Duration.ofSeconds(60)).until(() -> figure("ENTRIES_REGISTERED", region) == 1
                && figure("ENTRIES_REMOVED", region) == 1);
        assertThat(figure("REPEAT_REGISTRATIONS_12M", region)).as("two ids: two persons, before the merge").isZero();

        p.merge();
        p.again.movedToSurvivor();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(figure("REPEAT_REGISTRATIONS_12M", region))
                .as("one person after the merge").isEqualTo(1));
        assertThat(personOf(p.again.id)).isEqualTo(p.a.id);
    }

    @Test
    void aMergeBeforeTheMovedEntrysEventsGivesTheSame() {
        String region = "592010000";
        Pair p = Pair.in(region);
        p.firstRegistrationAndRemoval();
        p.b.register();
        p.merge();
        // The merge is applied before anything of B's entry arrives.
        await().atMost(Duration.ofSeconds(60)).alias("the merge was applied")
                .until(() -> survivorOf(p.b.id) != null && figure("ENTRIES_REMOVED", region) == 1);
        p.again.register(REGISTERED_AGAIN);
        p.again.movedToSurvivor();
        await().atMost(Duration.ofSeconds(60)).until(() -> figure("ENTRIES_REGISTERED", region) == 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(figure("REPEAT_REGISTRATIONS_12M", region))
                .as("registered under the merged id, counted for the survivor").isEqualTo(1));
        assertThat(personOf(p.again.id)).isEqualTo(p.a.id);
    }

    /** Both orders in one district, then the read models rebuilt from every topic from offset 0: the same rows and figures. */
    @Test
    void aRebuildGivesTheSameFigures() {
        String region = "593010000";
        Pair after = Pair.in(region);
        after.firstRegistrationAndRemoval();
        after.b.register();
        after.again.register(REGISTERED_AGAIN);
        Pair before = Pair.in(region);
        before.firstRegistrationAndRemoval();
        before.b.register();
        await().atMost(Duration.ofSeconds(60)).until(() -> figure("ENTRIES_REGISTERED", region) == 1
                && figure("ENTRIES_REMOVED", region) == 2);
        after.merge();
        after.again.movedToSurvivor();
        before.merge();
        await().atMost(Duration.ofSeconds(60)).alias("the merge was applied").until(() -> survivorOf(before.b.id) != null);
        before.again.register(REGISTERED_AGAIN);
        before.again.movedToSurvivor();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(figure("REPEAT_REGISTRATIONS_12M", region))
                .isEqualTo(2));
        Map<String, Object> live = RebuildTest.state();
        assertThat(live).containsKey("person_merge");

        given().auth().oauth2(RebuildTest.ADMIN).post("/api/v1/admin/read-models/rebuild").then().statusCode(200);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(RebuildTest.state()).isEqualTo(live));
        assertThat(figure("REPEAT_REGISTRATIONS_12M", region)).isEqualTo(2);
        assertThat(figure("ENTRIES_REGISTERED", region)).isEqualTo(2);
        assertThat(List.of(personOf(after.again.id), personOf(before.again.id))).containsExactly(after.a.id, before.a.id);
    }

    private static int figure(String indicator, String region) {
        return given().auth().oauth2(TestTokens.supervisor()).queryParam("indicator", indicator)
                .queryParam("region", region).queryParam("period", "year").queryParam("from", "2038-01-01")
                .queryParam("to", "2038-12-31").get("/api/v1/figures").then().statusCode(200).extract().jsonPath()
                .getInt("scope.total.value");
    }

    private UUID personOf(UUID entry) {
        return one("SELECT person_id FROM entry_fact WHERE entry_id = ?", entry);
    }

    private UUID survivorOf(UUID merged) {
        return one("SELECT survivor_person_id FROM person_merge WHERE merged_person_id = ?", merged);
    }

    private UUID one(String sql, UUID id) {
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1, UUID.class) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
