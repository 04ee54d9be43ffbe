package kz.prevention.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.testing.TestKeys;
import kz.prevention.testing.TestTokens;

/** A bearer token is verified once and then remembered until it expires; a refused token never is. */
@QuarkusTest
@WithTestResource(value = UpstreamStandIns.class, scope = TestResourceScope.GLOBAL)
class VerifiedTokensTest {

    @Inject
    MeterRegistry registry;

    @Test
    void theSameTokenIsVerifiedOnceAndThenAdmittedFromMemory() {
        String token = TestTokens.user("verified-once-" + System.nanoTime()).roles("analyst").agency("GOV")
                .region("000000000").sign();
        double verified = count("gateway.tokens.verified");
        double remembered = count("gateway.tokens.remembered");

        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token).when().get("/api/registry/v1/persons").then().statusCode(200);
        }

        assertThat(count("gateway.tokens.verified") - verified).isEqualTo(1);
        assertThat(count("gateway.tokens.remembered") - remembered).isEqualTo(4);
    }

    @Test
    void aRefusedTokenIsNeverRememberedAndStaysRefused() {
        String forged = TestTokens.user("mallory-" + System.nanoTime()).roles("supervisor")
                .signedWith(TestKeys.foreignPrivateKey()).sign();
        double verified = count("gateway.tokens.verified");

        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(forged).when().get("/api/registry/v1/persons").then().statusCode(401);
        }

        assertThat(count("gateway.tokens.verified") - verified).isZero();
    }

    private double count(String name) {
        var counter = registry.find(name).counter();
        return counter == null ? 0 : counter.count();
    }
}
