package kz.prevention.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.reporting.support.Feed;
import kz.prevention.reporting.support.SeededYear;
import kz.prevention.testing.TestTokens;

/**
 * Dropping the read models and replaying every topic from offset 0 gives exactly the same rows
 * (digest of every table in key order) as the live consumption did — twice in a row — and the
 * same report. Its own years are 2025–2027.
 */
@QuarkusTest
class RebuildTest {

    static final String ADMIN = TestTokens.role("platform-admin", "000000000");

    @Test
    void replayingEveryTopicTwiceGivesTheLiveReadModelsExactly() {
        SeededYear seeded = new SeededYear(2027, 7L);
        Feed.Entry moved = new Feed.Entry("751110000", false);
        // Registered, removed and transferred in 2025: outside the seeded years' figures.
        moved.register(LocalDate.of(2025, 5, 5));
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
        String liveReport = given().auth().oauth2(TestTokens.supervisor()).queryParam("year", 2027)
                .get("/api/v1/reports/national").then().statusCode(200).extract().asString();

        for (int round = 1; round <= 2; round++) {
            long dropped = given().auth().oauth2(ADMIN).post("/api/v1/admin/read-models/rebuild").then().statusCode(200)
                    .extract().jsonPath().getLong("droppedRows");
            assertThat(dropped).as("round %d dropped the read models", round).isPositive();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(state()).isEqualTo(live));
            assertThat(given().auth().oauth2(TestTokens.supervisor()).queryParam("year", 2027)
                    .get("/api/v1/reports/national").then().statusCode(200).extract().asString()).isEqualTo(liveReport);
        }
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
