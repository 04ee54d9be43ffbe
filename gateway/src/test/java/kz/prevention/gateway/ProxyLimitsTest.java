package kz.prevention.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import kz.prevention.testing.TestKeys;
import kz.prevention.testing.TestTokens;

/** What the gateway refuses or answers itself: missing tokens, floods, oversized bodies, services down or silent. */
@QuarkusTest
@WithTestResource(value = UpstreamStandIns.class, scope = TestResourceScope.GLOBAL)
class ProxyLimitsTest {

    @TestHTTPResource("/")
    URI base;

    private static String token(String user) {
        return TestTokens.user(user).roles("analyst").agency("GOV").region("000000000").sign();
    }

    @Test
    void requestWithoutTokenIsA401ProblemNeverARedirect() {
        given().redirects().follow(false).when().get("/api/registry/v1/persons").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:prevention:problem:unauthorized"))
                .body("instance", equalTo("/api/registry/v1/persons"));
    }

    @Test
    void tokenSignedWithAnotherKeyIsA401Problem() {
        String forged = TestTokens.user("mallory").roles("supervisor").signedWith(TestKeys.foreignPrivateKey()).sign();

        given().auth().oauth2(forged).when().get("/api/registry/v1/persons").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void publicPathsOfAServiceNeedNoToken() {
        given().when().get("/api/registry/v1/event-catalog").then().statusCode(200)
                .body("service", equalTo("registry-service"));
    }

    @Test
    void floodFromOneClientGets429WithRetryAfterWhileAnotherClientIsServed() {
        String flooder = token("flooder");
        List<Integer> statuses = new ArrayList<>();
        Response refused = null;
        for (int i = 0; i < 60 && refused == null; i++) {
            Response r = given().auth().oauth2(flooder).when().get("/api/registry/v1/echo");
            statuses.add(r.statusCode());
            if (r.statusCode() == 429) {
                refused = r;
            }
        }

        assertThat(refused).as("statuses seen: %s", statuses).isNotNull();
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getString("type")).isEqualTo("urn:prevention:problem:too-many-requests");
        given().auth().oauth2(token("patient.neighbour")).when().get("/api/registry/v1/echo").then().statusCode(200);
    }

    @Test
    void declaredOversizedBodyIs413BeforeReachingTheService() {
        given().auth().oauth2(token("big.sender")).contentType("application/octet-stream").body(new byte[1_048_577])
                .when().post("/api/registry/v1/entries").then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:prevention:problem:payload-too-large"));
    }

    @Test
    void chunkedBodyIsCountedAndStoppedAtTheLimit() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest small = chunkedPost(200_000);
        HttpRequest large = chunkedPost(3_000_000);

        HttpResponse<String> ok;
        HttpResponse<String> refused;
        try (CapturedLog log = CapturedLog.withDebugOf("kz.prevention.gateway.proxy")) {
            ok = client.send(small, HttpResponse.BodyHandlers.ofString());
            refused = client.send(large, HttpResponse.BodyHandlers.ofString());

            // The call to the service is reset at the cut: the caller's 413, not an incident.
            assertThat(CapturedLog.texts(log.incidents())).isEmpty();
        }

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"bodyLength\":200000");
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("payload-too-large");
    }

    private HttpRequest chunkedPost(int size) {
        // An InputStream publisher has no known length, so the JDK client sends the body chunked.
        return HttpRequest.newBuilder(base.resolve("/api/registry/v1/uploads"))
                .header("Authorization", "Bearer " + token("chunked.sender"))
                .header("Content-Type", "application/octet-stream")
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[size])))
                .build();
    }

    @Test
    void serviceThatIsDownIsA503Problem() {
        given().auth().oauth2(token("down.caller")).when().get("/api/commission/v1/commissions").then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:prevention:problem:unavailable"))
                .body("detail", startsWith("commission-service"));
    }

    @Test
    void serviceThatDoesNotAnswerInTimeIsA504Problem() {
        long start = System.nanoTime();

        given().auth().oauth2(token("patient.caller")).when().get("/api/reporting/v1/stall").then().statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:prevention:problem:gateway-timeout"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }
}
