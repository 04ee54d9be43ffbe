package kz.prevention.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.restassured.path.json.JsonPath;

/**
 * Tokens issued by the real Keycloak, with the realm's claims: a token asked for one service's scope
 * carries that service's audience only, is accepted there and refused by every other service; a token
 * that asked for no service's scope is refused everywhere; a client may ask only for the scopes of the
 * services it calls.
 */
@ExtendWith(RunningPlatform.class)
class PlatformSecurityIT {

    @ParameterizedTest
    @ValueSource(strings = {Keycloak.REGISTRY, Keycloak.MEASURES, Keycloak.COMMISSION, Keycloak.REPORTING})
    void demoUserTokenForAServiceIsAcceptedThereWithItsAgencyAndRegion(String service) {
        String token = Keycloak.userToken("officer.almaty", service);

        assertThat(audiences(token)).containsExactly(service);
        given().auth().oauth2(token)
                .when().get(RunningPlatform.serviceUrl(service) + "/api/v1/me")
                .then().statusCode(200)
                .body("username", equalTo("officer.almaty"))
                .body("roles", hasItem("registry-officer"))
                .body("agency", equalTo("POLICE"))
                .body("region", equalTo("750000000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {Keycloak.REGISTRY, Keycloak.MEASURES, Keycloak.COMMISSION, Keycloak.REPORTING})
    void aTokenForOneServiceIsRefusedByEveryOther(String service) {
        String token = Keycloak.userToken("supervisor.kz", service);

        for (String other : Keycloak.SERVICES) {
            given().auth().oauth2(token).when().get(RunningPlatform.serviceUrl(other) + "/api/v1/me")
                    .then().statusCode(other.equals(service) ? 200 : 401);
        }
    }

    @Test
    void aTokenWithoutAnyServiceScopeIsRefusedByEveryServiceAndTheGateway() {
        String token = Keycloak.userTokenForNoService("supervisor.kz");

        assertThat(audiences(token)).doesNotContainAnyElementsOf(Keycloak.SERVICES).doesNotContain("gateway");
        for (String service : List.of(Keycloak.REGISTRY, Keycloak.MEASURES, Keycloak.COMMISSION, Keycloak.REPORTING,
                "gateway")) {
            given().auth().oauth2(token).when().get(RunningPlatform.serviceUrl(service) + "/api/v1/me")
                    .then().statusCode(401);
        }
    }

    @Test
    void theGatewayAcceptsASystemsTokenForAnyServiceItFronts() {
        String token = Keycloak.userToken("officer.almaty", Keycloak.MEASURES);

        given().auth().oauth2(token).when().get(RunningPlatform.serviceUrl("gateway") + "/api/v1/me")
                .then().statusCode(200).body("username", equalTo("officer.almaty"));
    }

    @Test
    void integrationClientCredentialsTokenIsAccepted() {
        String token = Keycloak.clientToken("integration-demo", "integration-demo-secret", Keycloak.REGISTRY);

        given().auth().oauth2(token)
                .when().get(RunningPlatform.serviceUrl("registry-service") + "/api/v1/me")
                .then().statusCode(200)
                .body("client", equalTo("integration-demo"))
                .body("agency", equalTo("POLICE"));
    }

    @Test
    void commissionServicesAccountGetsATokenForTheRegistryOnlyAndMayAskForNothingElse() {
        String secret = RunningPlatform.clientSecret("commission-service");
        String token = Keycloak.clientToken("commission-service", secret, Keycloak.REGISTRY);
        assertThat(audiences(token)).containsExactly(Keycloak.REGISTRY);

        for (String service : List.of(Keycloak.MEASURES, Keycloak.COMMISSION, Keycloak.REPORTING)) {
            given().formParam("grant_type", "client_credentials").formParam("client_id", "commission-service")
                    .formParam("client_secret", secret).formParam("scope", service)
                    .post(RunningPlatform.config().issuer() + "/protocol/openid-connect/token")
                    .then().statusCode(400).body("error", equalTo("invalid_scope"));
        }
    }

    @Test
    void tamperedTokenIsRejected() {
        String token = Keycloak.userToken("analyst.kz", Keycloak.REGISTRY);
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        given().auth().oauth2(tampered)
                .when().get(RunningPlatform.serviceUrl("registry-service") + "/api/v1/me")
                .then().statusCode(401);
    }

    /** The {@code aud} of a token, a string or a list in Keycloak's tokens. */
    static List<String> audiences(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        Object aud = JsonPath.from(payload).get("aud");
        List<String> audiences = new ArrayList<>();
        if (aud instanceof List<?> list) {
            list.forEach(a -> audiences.add(String.valueOf(a)));
        } else if (aud != null) {
            audiences.add(String.valueOf(aud));
        }
        return audiences;
    }
}
