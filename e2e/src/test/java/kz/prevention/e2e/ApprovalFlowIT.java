package kz.prevention.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;

/**
 * One-man management across the running platform, with Keycloak's tokens (Law No. 380-IV Art. 4):
 * officer.almaty asks to remove an entry and cannot approve it; the authorised head of Astana
 * neither sees nor decides it; head.almaty approves, the entry is removed and measures-service,
 * following {@code entry.removed}, closes the person's plan.
 */
@ExtendWith(RunningPlatform.class)
class ApprovalFlowIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Almaty"));

    @Test
    void aRemovalTakesEffectWhenTheAuthorisedHeadOfTheKeepingBodyApprovesIt() {
        String officer = Keycloak.userToken("officer.almaty", Keycloak.REGISTRY);
        String officerAtMeasures = Keycloak.userToken("officer.almaty", Keycloak.MEASURES);
        String headAlmaty = Keycloak.userToken("head.almaty", Keycloak.REGISTRY);
        String headAstana = Keycloak.userToken("head.astana", Keycloak.REGISTRY);
        given().auth().oauth2(headAlmaty).get(registry("/api/v1/me")).then().statusCode(200)
                .body("unit", equalTo("750000000"));

        String entryId = Registrations.adult(officer);
        String planId = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().auth().oauth2(officerAtMeasures).queryParam("entryId", entryId).get(measures("/api/v1/plans"))
                        .then().statusCode(200).extract().<String>path("items[0].id"), id -> id != null);

        String etag = given().auth().oauth2(officer).get(registry("/api/v1/entries/" + entryId)).then().statusCode(200)
                .extract().header("ETag");
        String approval = given().auth().oauth2(officer).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("reason", "REFORMED", "removalDate", TODAY.toString(), "document", Map.of(
                        "type", "POLICE_RESOLUTION", "number", "П-" + System.nanoTime(), "date", TODAY.toString(),
                        "issuer", "УП Бостандыкского района")))
                .post(registry("/api/v1/entries/" + entryId + "/removal")).then().statusCode(202)
                .header("Location", containsString("/api/v1/approvals/"))
                .body("status", equalTo("PENDING")).extract().path("id");
        given().auth().oauth2(officer).get(registry("/api/v1/entries/" + entryId)).then().statusCode(200)
                .body("status", equalTo("ACTIVE"));

        // The requester is not a head: 403, a problem saying why.
        decide(officer, approval, "approve").statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("authorised-head"));

        // Astana's head: nothing in its queue, and the approval does not exist for it.
        given().auth().oauth2(headAstana).queryParam("status", "PENDING").queryParam("entryId", entryId)
                .get(registry("/api/v1/approvals")).then().statusCode(200).body("total", equalTo(0));
        decide(headAstana, approval, "approve").statusCode(404).contentType("application/problem+json");

        // Almaty's head finds it in the queue and approves.
        given().auth().oauth2(headAlmaty).queryParam("status", "PENDING").queryParam("entryId", entryId)
                .get(registry("/api/v1/approvals")).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(approval))
                .body("items[0].requestedBy", equalTo("officer.almaty"));
        decide(headAlmaty, approval, "approve").statusCode(200).body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo("head.almaty"));
        decide(headAlmaty, approval, "approve").statusCode(409);

        given().auth().oauth2(officer).get(registry("/api/v1/entries/" + entryId)).then().statusCode(200)
                .body("status", equalTo("REMOVED")).body("removal.reason", equalTo("REFORMED"));
        given().auth().oauth2(officer).get(registry("/api/v1/entries/" + entryId + "/history")).then().statusCode(200)
                .body("find { it.action == 'REMOVED' }.actor", equalTo("head.almaty"))
                .body("find { it.action == 'REMOVED' }.changes.requestedBy.to", equalTo("officer.almaty"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(officerAtMeasures)
                .get(measures("/api/v1/plans/" + planId)).then().statusCode(200).body("status", equalTo("CLOSED")));
    }

    private static io.restassured.response.ValidatableResponse decide(String token, String approval, String decision) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of())
                .post(registry("/api/v1/approvals/" + approval + "/" + decision)).then();
    }

    private static String registry(String path) {
        return RunningPlatform.serviceUrl("registry-service") + path;
    }

    private static String measures(String path) {
        return RunningPlatform.serviceUrl("measures-service") + path;
    }
}
