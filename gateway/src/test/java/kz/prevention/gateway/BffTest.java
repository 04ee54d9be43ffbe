package kz.prevention.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The web app's side of the gateway without a Keycloak: pages send the browser to the login
 * page with PKCE, API calls without a session are 401 problems, and changes from another site
 * or without the CSRF token are refused before anything else. (The full login round trip with
 * real Keycloak is GatewayLoginIT in e2e.)
 */
@QuarkusTest
@WithTestResource(value = UpstreamStandIns.class, scope = TestResourceScope.GLOBAL)
class BffTest {

    @Test
    void appPageSendsTheBrowserToKeycloakWithPkce() {
        Response r = given().redirects().follow(false).when().get("/app/").then().statusCode(302).extract().response();

        String location = r.header("Location");
        assertThat(location).contains("/realms/prevention/protocol/openid-connect/auth?")
                .contains("client_id=gateway").contains("response_type=code")
                .contains("code_challenge_method=S256").contains("code_challenge=")
                .contains("redirect_uri=").contains("%2Fbff%2Fcallback");
        assertThat(r.header("Set-Cookie")).containsIgnoringCase("HttpOnly");
    }

    @Test
    void apiCallWithoutSessionIsA401ProblemNotARedirect() {
        given().redirects().follow(false).when().get("/bff/api/registry/v1/persons").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:prevention:problem:unauthorized"));
    }

    @Test
    void sessionEndpointWithoutSessionIsA401Problem() {
        given().redirects().follow(false).when().get("/bff/session").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void changeMarkedCrossSiteIsRefused() {
        given().redirects().follow(false).header("Sec-Fetch-Site", "cross-site")
                .cookie("XSRF-TOKEN", "t").header("X-XSRF-TOKEN", "t")
                .contentType("application/json").body("{}")
                .when().post("/bff/api/registry/v1/entries").then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("another site"));
    }

    @Test
    void changeFromAnotherOriginIsRefused() {
        given().redirects().follow(false).header("Origin", "https://evil.example")
                .cookie("XSRF-TOKEN", "t").header("X-XSRF-TOKEN", "t")
                .contentType("application/json").body("{}")
                .when().post("/bff/api/registry/v1/entries").then().statusCode(403);
    }

    @Test
    void changeWithoutTheCsrfHeaderIsRefused() {
        given().redirects().follow(false).cookie("XSRF-TOKEN", "t")
                .contentType("application/json").body("{}")
                .when().post("/bff/api/registry/v1/entries").then().statusCode(403)
                .body("detail", containsString("X-XSRF-TOKEN"));
    }

    @Test
    void changeWithMatchingCsrfTokenButNoSessionIsUnauthorized() {
        given().redirects().follow(false).cookie("XSRF-TOKEN", "t").header("X-XSRF-TOKEN", "t")
                .contentType("application/json").body("{}")
                .when().post("/bff/api/registry/v1/entries").then().statusCode(401);
    }
}
