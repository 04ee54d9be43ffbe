package kz.prevention.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.response.Response;

/**
 * Systems through the gateway with real Keycloak tokens: no token is a 401 problem, a token
 * reaches registry-service unchanged (and only the service it was asked for accepts it), and a
 * flooding client is slowed down alone. (The e2e
 * build gives the gateway a small rate limit, see e2e/pom.xml, so a flood is quick to make.)
 */
@ExtendWith(RunningPlatform.class)
class GatewayApiIT {

    private static String gateway() {
        return RunningPlatform.serviceUrl("gateway");
    }

    @Test
    void requestWithoutTokenIsA401ProblemAtTheGateway() {
        given().redirects().follow(false).when().get(gateway() + "/api/registry/v1/persons").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:prevention:problem:unauthorized"));
    }

    @Test
    void usersTokenPassesThroughToRegistryService() {
        String token = Keycloak.userToken("officer.almaty", Keycloak.REGISTRY);

        Response r = given().auth().oauth2(token).header("X-Request-Id", "e2e-pass-through")
                .when().get(gateway() + "/api/registry/v1/me").then().statusCode(200)
                .body("username", equalTo("officer.almaty"))
                .body("agency", equalTo("POLICE"))
                .body("region", equalTo("750000000"))
                .extract().response();

        assertThat(r.header("X-Request-Id")).isEqualTo("e2e-pass-through");
    }

    @Test
    void systemsClientCredentialsTokenPassesThrough() {
        String token = Keycloak.clientToken("integration-demo", "integration-demo-secret", Keycloak.REGISTRY);

        given().auth().oauth2(token).when().get(gateway() + "/api/registry/v1/me").then().statusCode(200)
                .body("client", equalTo("integration-demo"));
    }

    @Test
    void aSystemsTokenPassesTheGatewayButOnlyTheServiceItWasAskedForAcceptsIt() {
        String token = Keycloak.clientToken("integration-demo", "integration-demo-secret", Keycloak.REGISTRY);

        // The gateway passes the token through unchanged; measures-service checks its audience and refuses it.
        given().auth().oauth2(token).when().get(gateway() + "/api/measures/v1/me").then().statusCode(401);
        given().auth().oauth2(token).when().get(gateway() + "/api/registry/v1/me").then().statusCode(200);
    }

    @Test
    void floodFromOneClientGets429WhileAnotherClientIsServed() {
        String flooder = Keycloak.userToken("analyst.kz", Keycloak.REGISTRY);
        String other = Keycloak.clientToken("integration-demo", "integration-demo-secret", Keycloak.REGISTRY);
        List<Integer> statuses = new ArrayList<>();
        Response refused = null;
        for (int i = 0; i < 1000 && refused == null; i++) {
            Response r = given().auth().oauth2(flooder).when().get(gateway() + "/api/registry/v1/me");
            statuses.add(r.statusCode());
            if (r.statusCode() == 429) {
                refused = r;
            }
        }

        assertThat(refused).as("statuses: %s", statuses).isNotNull();
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(refused.contentType()).startsWith("application/problem+json");
        given().auth().oauth2(other).when().get(gateway() + "/api/registry/v1/me").then().statusCode(200);
    }

    @Test
    void aServiceProblemComesBackUnchanged() {
        String token = Keycloak.userToken("officer.almaty", Keycloak.REGISTRY);

        given().auth().oauth2(token).when().get(gateway() + "/api/registry/v1/persons/not-a-uuid").then()
                .statusCode(org.hamcrest.Matchers.oneOf(400, 404))
                .contentType("application/problem+json");
    }
}
