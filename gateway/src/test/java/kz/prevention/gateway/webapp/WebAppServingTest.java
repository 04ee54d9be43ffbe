package kz.prevention.gateway.webapp;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import kz.prevention.gateway.UpstreamStandIns;

/**
 * How the gateway serves the web app: its page only with a session (else the login), its scripts,
 * styles and message files to anyone but with security headers that forbid inline scripts and
 * framing, and caching that revalidates so a redeploy is seen at once.
 */
@QuarkusTest
@WithTestResource(value = UpstreamStandIns.class, scope = TestResourceScope.GLOBAL)
class WebAppServingTest {

    @Test
    void appPageWithoutASessionRedirectsToTheLoginAndShowsNothing() {
        for (String path : new String[] {"/app/", "/app/index.html"}) {
            Response r = given().redirects().follow(false).when().get(path).then().extract().response();

            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.header("Location")).as(path).contains("/realms/prevention/protocol/openid-connect/auth?")
                    .contains("client_id=gateway");
            assertThat(r.body().asString()).as(path).doesNotContain("main.js");
        }
    }

    @Test
    void scriptsAreServedWithoutASessionWithSecurityAndCachingHeaders() {
        Response r = given().redirects().follow(false).when().get("/app/assets/js/main.js").then().extract().response();

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.contentType()).contains("javascript");
        assertThat(r.body().asString()).contains("import * as api from './api.js'");
        assertSecurityHeaders(r);
        assertThat(r.header("Cache-Control")).contains("no-cache").doesNotContain("immutable").doesNotContain("public");
        assertThat(r.header("ETag") != null || r.header("Last-Modified") != null)
                .as("a validator, so a revalidation can be a 304").isTrue();
    }

    @Test
    void contentSecurityPolicyAllowsOnlyOwnScriptsAndNoInlineOrEval() {
        String csp = given().when().get("/app/assets/app.css").then().statusCode(200).extract().header("Content-Security-Policy");

        assertThat(csp).contains("script-src 'self'").contains("default-src 'none'").contains("frame-ancestors 'none'")
                .contains("base-uri 'none'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    }

    @Test
    void messageFilesAreServedAsUtf8Json() {
        Response r = given().when().get("/app/assets/i18n/kk.json").then().statusCode(200).extract().response();

        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.jsonPath().getString("'nav.commissions'")).isEqualTo("Менің комиссияларым");
        assertSecurityHeaders(r);
    }

    @Test
    void anAssetThatDoesNotExistIsA404NotTheLogin() {
        given().redirects().follow(false).when().get("/app/assets/js/nothing-here.js").then().statusCode(404);
    }

    private static void assertSecurityHeaders(Response r) {
        assertThat(r.header("Content-Security-Policy")).isNotBlank();
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(r.header("Referrer-Policy")).isEqualTo("same-origin");
    }
}
