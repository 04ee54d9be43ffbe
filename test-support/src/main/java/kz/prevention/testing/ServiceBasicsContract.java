package kz.prevention.testing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What every service promises, whatever its domain: health with its real dependencies,
 * OpenAPI, Prometheus metrics, and bearer tokens verified for signature, expiry and audience.
 * A service's test class extends this and is annotated {@code @QuarkusTest}.
 */
public abstract class ServiceBasicsContract {

    /** The audience the service requires; tokens for other services must be refused. */
    protected abstract String serviceName();

    /** Whether the service answers a verified token's repeats from memory (platform-commons' VerifiedTokens). */
    protected boolean remembersVerifiedTokens() {
        return true;
    }

    protected boolean ownsDatabase() {
        return true;
    }

    @Test
    public void readinessIsUpAndChecksItsRealDependencies() {
        var body = given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        if (ownsDatabase()) {
            body.body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
        }
    }

    @Test
    public void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    public void openApiDocumentIsServed() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("openapi", startsWith("3.")).body("info.title", equalTo(serviceName()));
    }

    @Test
    public void prometheusMetricsAreServed() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    public void anonymousCallerGetsAProblem401() {
        given().when().get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:prevention:problem:unauthorized"));
    }

    @Test
    public void signedTokenIsAcceptedWithItsRolesAndClaims() {
        String token = TestTokens.user("officer.almaty").roles("registry-officer").agency("POLICE").region("750000000").sign();
        given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(200)
                .body("username", equalTo("officer.almaty"))
                .body("roles", hasItem("registry-officer"))
                .body("agency", equalTo("POLICE"))
                .body("region", equalTo("750000000"));
    }

    @Test
    public void tokenSignedWithAnotherKeyIsRejected() {
        String token = TestTokens.user("mallory").roles("supervisor").signedWith(TestKeys.foreignPrivateKey()).sign();
        given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(401);
    }

    /**
     * A token verified once is answered from memory (the counter grows; where the memory is off, it
     * does not) with the same claims; not
     * after its {@code exp}; and a token differing from a remembered one only in its signature is
     * verified, and refused.
     */
    @Test
    public void aVerifiedTokenIsRememberedOnlyUntilItExpires() {
        Instant exp = Instant.now().plusSeconds(3);
        String token = TestTokens.user("memory.test").roles("registry-officer").agency("POLICE").region("271000000")
                .expiresAt(exp).sign();
        given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(200).body("region", equalTo("271000000"));
        double before = rememberedTokens();
        given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(200)
                .body("username", equalTo("memory.test")).body("roles", hasItem("registry-officer"))
                .body("agency", equalTo("POLICE")).body("region", equalTo("271000000"));
        if (remembersVerifiedTokens()) {
            assertThat(rememberedTokens()).isGreaterThan(before);
        } else {
            assertThat(rememberedTokens()).isEqualTo(before);
        }
        // One signature character changed — not the last, whose low bits are base64url padding that decoders ignore.
        int at = token.length() - 10;
        String forged = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        given().auth().oauth2(forged).when().get("/api/v1/me").then().statusCode(401);
        // Refused once its exp has passed: from memory as well as by quarkus-oidc.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(401));
        assertThat(Instant.now().getEpochSecond()).isGreaterThanOrEqualTo(exp.getEpochSecond()); // refused for its exp, not sooner
    }

    private static double rememberedTokens() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        // "name{labels} value", possibly followed by an exemplar ("# {trace_id=...} 1.0 <timestamp>"): the second field.
        return metrics.lines().filter(l -> l.startsWith("prevention_tokens_remembered_total"))
                .mapToDouble(l -> Double.parseDouble(l.split("\\s+")[1])).sum();
    }

    @Test
    public void expiredTokenIsRejected() {
        String token = TestTokens.user("late").roles("supervisor").expiresAt(Instant.now().minusSeconds(600)).sign();
        given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    public void tokenForAnotherServiceIsRejected() {
        String token = TestTokens.user("elsewhere").roles("supervisor").audiences(Set.of("some-other-service")).sign();
        given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    public void tokensMintedHereCarryTheServicesAudienceOnly() throws Exception {
        // As the realm's tokens for a client that asked for this service's scope: this one audience.
        String token = TestTokens.user("own").roles("supervisor").sign();
        var aud = new ObjectMapper()
                .readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).path("aud");
        List<String> audiences = new ArrayList<>();
        if (aud.isArray()) {
            aud.forEach(a -> audiences.add(a.asText()));
        } else {
            audiences.add(aud.asText());
        }
        assertThat(audiences).containsExactly(serviceName());
    }

    @Test
    public void tokenWithoutAnyAudienceIsRejected() {
        // A Keycloak token whose client asked for no service's scope.
        String token = TestTokens.user("nobody").roles("supervisor").audiences(Set.of()).sign();
        given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    public void tokenFromAnotherIssuerIsRejected() {
        String token = TestTokens.user("stranger").roles("supervisor").issuer("https://evil.example/realms/prevention").sign();
        given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    public void unknownApiPathIsAProblem404() {
        String token = TestTokens.user("officer.almaty").roles("registry-officer").region("750000000").sign();
        given().auth().oauth2(token).when().get("/api/v1/no-such-thing").then().statusCode(404);
    }
}
