package kz.prevention.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Public assistants across the running platform (issue 11, item 5), every call with a token
 * Keycloak issued: a police officer files a citizen's application; commission-service asks
 * registry-service's narrow IIN check with its own service-account token (client credentials,
 * role registry-check, audience registry-service) — the real registry, not a double; a citizen not
 * on the registry is eligible and the district's akimat registers them; a citizen on the registry is
 * ineligible and cannot be registered.
 */
@ExtendWith(RunningPlatform.class)
class PublicAssistantFlowIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Almaty"));
    /** Bostandyk district of Almaty, whose akimat akimat.almaty registers for. */
    private static final String HOME = "751110000";

    @Test
    void aCitizenOffTheRegistryIsRegisteredByTheAkimatAndOneOnItIsNot() {
        String officer = Keycloak.userToken("officer.almaty", Keycloak.COMMISSION);
        String officerAtRegistry = Keycloak.userToken("officer.almaty", Keycloak.REGISTRY);
        String akimat = Keycloak.userToken("akimat.almaty", Keycloak.COMMISSION);

        // Not on the registry: the registry answers no, the application is eligible, the akimat registers.
        String clean = file(officer, Iins.of(TODAY.minusYears(35).minusDays(17)), "Нурланов", "Айдос").statusCode(201)
                .body("registry.onRegistry", equalTo(false)).body("registry.checkedAt", notNullValue())
                .body("status", equalTo("ELIGIBLE")).body("district", equalTo("751100000"))
                .body("registrationDue", notNullValue()).extract().path("id");
        post(akimat, "/public-assistants/" + clean + "/registration", Map.of()).statusCode(200)
                .body("status", equalTo("REGISTERED")).body("registeredOn", equalTo(TODAY.toString()));

        // On the registry (a protective order registered through registry-service): ineligible, never registered.
        Registrations.Adult onRegistry = Registrations.registeredAdult(officerAtRegistry);
        String refused = file(officer, onRegistry.iin(), onRegistry.lastName(), onRegistry.firstName()).statusCode(201)
                .body("registry.onRegistry", equalTo(true)).body("status", equalTo("INELIGIBLE"))
                .extract().path("id");
        given().auth().oauth2(akimat).get(commission("/public-assistants/" + refused)).then().statusCode(200)
                .body("ineligibleReasons", hasItem(notNullValue()));
        post(akimat, "/public-assistants/" + refused + "/registration", Map.of()).statusCode(409)
                .contentType("application/problem+json");

        // Another agency's officer may not file; the registry's check refuses a person's token.
        file(Keycloak.userToken("executor.school", Keycloak.COMMISSION), Iins.of(TODAY.minusYears(40)), "Сейтов", "Марат").statusCode(403);
        given().auth().oauth2(officerAtRegistry).header("X-Purpose", "e2e").contentType(ContentType.JSON)
                .body(Map.of("iin", onRegistry.iin())).post(RunningPlatform.serviceUrl("registry-service")
                        + "/api/v1/registry-checks").then().statusCode(403);
    }

    private static ValidatableResponse file(String officer, String iin, String lastName, String firstName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("iin", iin);
        body.put("lastName", lastName);
        body.put("firstName", firstName);
        body.put("addressKato", HOME);
        body.put("appliedOn", TODAY.toString());
        body.put("declarations", Map.of("notUnderInvestigation", true, "noIntentionalOffencePenaltyWithinYear", true,
                "notOnDrugRegister", true, "notOnPsychiatricRegister", true));
        return post(officer, "/public-assistants", body);
    }

    private static ValidatableResponse post(String token, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(commission(path)).then();
    }

    private static String commission(String path) {
        return RunningPlatform.serviceUrl("commission-service") + "/api/v1" + path;
    }
}
