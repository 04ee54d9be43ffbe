package kz.prevention.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tokens issued by the real Keycloak, with the realm's claims, are accepted by every service. */
@ExtendWith(RunningPlatform.class)
class PlatformSecurityIT {

    @ParameterizedTest
    @ValueSource(strings = {"registry-service", "measures-service", "commission-service", "reporting-service", "gateway"})
    void demoUserTokenFromKeycloakIsAcceptedWithItsAgencyAndRegion(String service) {
        String token = Keycloak.userToken("officer.almaty");

        given().auth().oauth2(token)
                .when().get(RunningPlatform.serviceUrl(service) + "/api/v1/me")
                .then().statusCode(200)
                .body("username", equalTo("officer.almaty"))
                .body("roles", hasItem("registry-officer"))
                .body("agency", equalTo("POLICE"))
                .body("region", equalTo("750000000"));
    }

    @Test
    void integrationClientCredentialsTokenIsAccepted() {
        String token = Keycloak.clientToken("integration-demo", "integration-demo-secret");

        given().auth().oauth2(token)
                .when().get(RunningPlatform.serviceUrl("registry-service") + "/api/v1/me")
                .then().statusCode(200)
                .body("client", equalTo("integration-demo"))
                .body("agency", equalTo("POLICE"));
    }

    @Test
    void tamperedTokenIsRejected() {
        String token = Keycloak.userToken("analyst.kz");
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        given().auth().oauth2(tampered)
                .when().get(RunningPlatform.serviceUrl("registry-service") + "/api/v1/me")
                .then().statusCode(401);
    }
}
