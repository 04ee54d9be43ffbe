package kz.prevention.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;

/**
 * Registry → Kafka → measures across the running platform, with Keycloak's tokens: a
 * registration opens its plan in measures-service within 2 s, exactly once even when the event
 * is delivered twice; the school sees its measure in its queue and the hospital does not;
 * removing the entry — requested by the officer, approved by the authorised head — closes the plan.
 */
@ExtendWith(RunningPlatform.class)
class MeasuresFlowIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Almaty"));

    @Test
    void aRegistrationOpensOnePlanWhichTheRemovalCloses() {
        // The officer's tokens: one for the registry, one for measures (each service accepts only its own audience).
        String officer = Keycloak.userToken("officer.almaty", Keycloak.REGISTRY);
        String officerAtMeasures = Keycloak.userToken("officer.almaty", Keycloak.MEASURES);
        // The first event after start also pays for the consumer's partition assignment; the 2 s promise is for the steady state.
        planOf(officerAtMeasures, Registrations.adult(officer), Duration.ofSeconds(60));

        String entryId = Registrations.adult(officer);
        long started = System.nanoTime();
        String planId = planOf(officerAtMeasures, entryId, Duration.ofSeconds(2));
        long propagationMs = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("registry entry.registered -> measures plan visible in %d ms%n", propagationMs);

        double duplicatesBefore = duplicatesSeenByPlans();
        RegistryEvents.redeliver(RegistryEvents.find(RegistryEvents.ENTRIES, entryId, "entry.registered"));
        await().atMost(Duration.ofSeconds(20)).until(() -> duplicatesSeenByPlans() > duplicatesBefore);
        given().auth().oauth2(officerAtMeasures).queryParam("entryId", entryId).get(measures("/api/v1/plans"))
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(planId));

        String measureId = given().auth().oauth2(officerAtMeasures).contentType(ContentType.JSON)
                .body(Map.of("type", "SOCIAL_REHABILITATION", "executingAgency", "EDUCATION",
                        "organisation", "990540004566", "dueDate", TODAY.plusDays(30).toString()))
                .post(measures("/api/v1/plans/" + planId + "/measures")).then().statusCode(201).extract().path("id");
        assertThat(queueOf("executor.school")).contains(measureId);
        assertThat(queueOf("executor.health")).doesNotContain(measureId);

        remove(officer, entryId);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(officerAtMeasures)
                .get(measures("/api/v1/plans/" + planId)).then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("measures[0].status", equalTo("CANCELLED")));
    }

    private static void remove(String token, String entryId) {
        String url = RunningPlatform.serviceUrl("registry-service") + "/api/v1/entries/" + entryId;
        String etag = given().auth().oauth2(token).get(url).then().statusCode(200).extract().header("ETag");
        String approval = given().auth().oauth2(token).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("reason", "REFORMED", "removalDate", TODAY.toString(), "document", Map.of(
                        "type", "POLICE_RESOLUTION", "number", "П-" + System.nanoTime(), "date", TODAY.toString(),
                        "issuer", "УП Бостандыкского района")))
                .post(url + "/removal").then().statusCode(202).extract().path("id");
        // One-man management: the removal takes effect when the authorised head approves it.
        given().auth().oauth2(Keycloak.userToken("head.almaty", Keycloak.REGISTRY)).contentType(ContentType.JSON).body(Map.of())
                .post(RunningPlatform.serviceUrl("registry-service") + "/api/v1/approvals/" + approval + "/approve")
                .then().statusCode(200);
    }

    private static String planOf(String token, String entryId, Duration within) {
        return await().atMost(within).pollInterval(Duration.ofMillis(50))
                .until(() -> given().auth().oauth2(token).queryParam("entryId", entryId).get(measures("/api/v1/plans"))
                        .then().statusCode(200).extract().<String>path("items[0].id"), id -> id != null);
    }

    private static List<String> queueOf(String user) {
        return given().auth().oauth2(Keycloak.userToken(user, Keycloak.MEASURES)).queryParam("size", 100).get(measures("/api/v1/assignments"))
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }

    private static double duplicatesSeenByPlans() {
        String metrics = given().get(measures("/q/metrics")).then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("eventing_inbox_duplicates_total") && l.contains("\"plans\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static String measures(String path) {
        return RunningPlatform.serviceUrl("measures-service") + path;
    }
}
