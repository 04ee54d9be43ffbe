package kz.prevention.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import kz.prevention.testing.TestTokens;

/** Requests reach the right service with their path, query, body and token, and come back as the service sent them. */
@QuarkusTest
@WithTestResource(value = UpstreamStandIns.class, scope = TestResourceScope.GLOBAL)
class ProxyRoutingTest {

    private static String token(String user) {
        return TestTokens.user(user).roles("registry-officer").agency("POLICE").region("750000000").sign();
    }

    @Test
    void bearerRequestReachesItsServiceWithPathQueryAndTokenUnchanged() {
        String token = token("routing.user");

        Response r = given().auth().oauth2(token).queryParam("kato", "100000000")
                .when().get("/api/registry/v1/persons/search").then().statusCode(200)
                .header("X-Served-By", "registry-service")
                .body("uri", equalTo("/api/v1/persons/search?kato=100000000"))
                .body("headers.authorization", equalTo("Bearer " + token))
                .body("headers.x-forwarded-prefix", equalTo("/api/registry"))
                .extract().response();

        assertThat(r.header("X-Request-Id")).isEqualTo(r.jsonPath().getString("headers.x-request-id"));
    }

    @Test
    void eachServiceKeyRoutesToItsOwnService() {
        given().auth().oauth2(token("routing.user")).when().get("/api/measures/v1/plans").then().statusCode(200)
                .body("service", equalTo("measures-service")).body("uri", equalTo("/api/v1/plans"));
        given().auth().oauth2(token("routing.user")).when().get("/api/reporting/v1/x").then().statusCode(200)
                .body("service", equalTo("reporting-service"));
    }

    @Test
    void callersRequestIdIsKeptAndTraceIsContinuedWithANewSpan() {
        String parent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

        Response r = given().auth().oauth2(token("routing.user")).header("X-Request-Id", "caller-42")
                .header("traceparent", parent)
                .when().get("/api/registry/v1/echo").then().statusCode(200)
                .header("X-Request-Id", "caller-42")
                .body("headers.x-request-id", equalTo("caller-42"))
                .body("headers.traceparent", startsWith("00-0af7651916cd43dd8448eb211c80319c-"))
                .extract().response();

        assertThat(r.jsonPath().getString("headers.traceparent")).isNotEqualTo(parent).endsWith("-01");
    }

    @Test
    void requestWithoutTraceStartsOneAndAnUnsafeRequestIdIsReplaced() {
        Response r = given().auth().oauth2(token("routing.user")).header("X-Request-Id", "bad id\twith spaces")
                .when().get("/api/registry/v1/echo").then().statusCode(200).extract().response();

        assertThat(r.jsonPath().getString("headers.traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(r.header("X-Request-Id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void bodyStreamsThroughUnchangedInLength() {
        byte[] body = new byte[300_000];

        given().auth().oauth2(token("routing.user")).contentType("application/octet-stream").body(body)
                .when().post("/api/registry/v1/entries").then().statusCode(200)
                .body("method", equalTo("POST")).body("bodyLength", equalTo(300_000));
    }

    @Test
    void largeAnswerStreamsBackWhole() {
        byte[] answer = given().auth().oauth2(token("routing.user")).when().get("/api/registry/v1/big")
                .then().statusCode(200).extract().asByteArray();

        assertThat(answer).hasSize(UpstreamStandIns.BIG_BODY);
    }

    @Test
    void servicesProblemIsPassedOnWithItsStatusAndBody() {
        given().auth().oauth2(token("routing.user")).when().post("/api/measures/v1/problem").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:prevention:problem:conflict"))
                .body("detail", equalTo("from measures-service"));
    }

    @Test
    void cookiesNeverReachAService() {
        given().auth().oauth2(token("routing.user")).cookie("q_session", "secret-session")
                .when().get("/api/registry/v1/echo").then().statusCode(200)
                .body("headers", not(hasKey("cookie")));
    }

    @Test
    void dotSegmentsCannotLeaveTheServicesApi() {
        given().auth().oauth2(token("routing.user")).urlEncodingEnabled(false)
                .when().get("/api/registry/v1/%2e%2e/q/metrics").then()
                .statusCode(200).body("uri", equalTo("/api/q/metrics"));
        given().auth().oauth2(token("routing.user")).urlEncodingEnabled(false)
                .when().get("/api/registry/%2e%2e/%2e%2e/q/metrics").then()
                .header("X-Served-By", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void twentyParallelRequestsAreAllServed() throws Exception {
        String token = token("parallel.user");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Integer>> calls = IntStream.range(0, 20).<Callable<Integer>>mapToObj(i -> () ->
                    given().auth().oauth2(token).when().get("/api/registry/v1/echo?i=" + i).statusCode()).toList();
            List<Integer> statuses = pool.invokeAll(calls).stream().map(ProxyRoutingTest::result).toList();

            assertThat(statuses).containsOnly(200);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Integer result(Future<Integer> f) {
        try {
            return f.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
