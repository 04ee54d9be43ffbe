package kz.prevention.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The web app's login through the gateway (backend-for-frontend) against the real Keycloak:
 * authorization code + PKCE, a session cookie that scripts cannot read and other sites cannot
 * use for changes, the user's token relayed to the services, and a logout that ends the
 * Keycloak session too.
 */
@ExtendWith(RunningPlatform.class)
class GatewayLoginIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String gateway() {
        return RunningPlatform.serviceUrl("gateway");
    }

    private static BrowserSession signedIn(String user) {
        BrowserSession browser = new BrowserSession();
        HttpResponse<String> toKeycloak = browser.get(gateway() + "/bff/login?redirect=/bff/session");
        assertThat(toKeycloak.statusCode()).isEqualTo(302);
        assertThat(toKeycloak.headers().firstValue("Location").orElseThrow())
                .startsWith(RunningPlatform.config().issuer() + "/protocol/openid-connect/auth")
                .contains("code_challenge_method=S256").contains("client_id=gateway");
        HttpResponse<String> loginPage = browser.follow(toKeycloak);
        HttpResponse<String> landed = browser.follow(browser.submitLogin(loginPage, user, user));
        assertThat(landed.statusCode()).as("landing %s: %s", landed.uri(), landed.body()).isEqualTo(200);
        assertThat(landed.uri().getPath()).isEqualTo("/bff/session");
        return browser;
    }

    @Test
    void secretarySignsInAndTheAppLearnsWhoWithoutEverSeeingAToken() throws Exception {
        BrowserSession browser = signedIn("secretary.almaty");

        JsonNode session = JSON.readTree(browser.get(gateway() + "/bff/session").body());

        assertThat(session.path("username").asText()).isEqualTo("secretary.almaty");
        assertThat(session.path("roles").toString()).contains("commission-secretary");
        assertThat(session.path("region").asText()).isEqualTo("750000000");
        assertThat(session.has("access_token") || session.has("accessToken")).isFalse();
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSite() {
        BrowserSession browser = signedIn("secretary.almaty");

        List<String> sessionCookies = browser.setCookies().stream().filter(c -> c.startsWith("q_session")).toList();

        assertThat(sessionCookies).isNotEmpty();
        assertThat(sessionCookies).allSatisfy(c -> {
            assertThat(c).containsIgnoringCase("HttpOnly");
            assertThat(c).containsPattern("(?i)SameSite=(Lax|Strict)");
        });
    }

    @Test
    void usersTokenIsRelayedToTheServiceBehindTheGateway() throws Exception {
        BrowserSession browser = signedIn("secretary.almaty");

        HttpResponse<String> me = browser.get(gateway() + "/bff/api/registry/v1/me");

        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(me.body());
        assertThat(body.path("username").asText()).isEqualTo("secretary.almaty");
        assertThat(body.path("client").asText()).isEqualTo("gateway");
        assertThat(body.path("agency").asText()).isEqualTo("AKIMAT");
    }

    @Test
    void eachServiceGetsATokenExchangedForItsOwnAudience() throws Exception {
        // The session's token names only the gateway as audience, and each service accepts only its own: a 200
        // from every one of them means the gateway exchanged the session token for one per service (issue 10).
        BrowserSession browser = signedIn("secretary.almaty");
        double exchangedBefore = tokensExchanged();

        for (String key : List.of("registry", "measures", "commission", "reporting")) {
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> me = browser.get(gateway() + "/bff/api/" + key + "/v1/me");
                assertThat(me.statusCode()).as("%s: %s", key, me.body()).isEqualTo(200);
                assertThat(JSON.readTree(me.body()).path("username").asText()).isEqualTo("secretary.almaty");
            }
        }
        // One exchange per service, kept for the next requests: not one per request.
        assertThat(tokensExchanged() - exchangedBefore).isEqualTo(4.0);
    }

    private static double tokensExchanged() {
        String metrics = io.restassured.RestAssured.given().get(gateway() + "/q/metrics").then().statusCode(200)
                .extract().asString();
        // "gateway_tokens_exchanged_total 4.0", possibly followed by an exemplar ("# {trace_id=...} 1.0 <time>").
        return metrics.lines().filter(l -> l.startsWith("gateway_tokens_exchanged_total"))
                .mapToDouble(l -> Double.parseDouble(l.split("\\s+")[1])).sum();
    }

    @Test
    void crossSiteChangeWithTheSessionCookieIsRefused() throws Exception {
        BrowserSession browser = signedIn("secretary.almaty");
        String csrf = JSON.readTree(browser.get(gateway() + "/bff/session").body()).path("csrfToken").asText();

        HttpResponse<String> forged = browser.post(gateway() + "/bff/api/registry/v1/me", "application/json", "{}",
                "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site");
        HttpResponse<String> withoutToken = browser.post(gateway() + "/bff/api/registry/v1/me", "application/json", "{}");
        HttpResponse<String> own = browser.post(gateway() + "/bff/api/registry/v1/me", "application/json", "{}",
                "X-XSRF-TOKEN", csrf, "Sec-Fetch-Site", "same-origin");

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("another site");
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(own.statusCode()).as("the app's own change passes the gateway and reaches the service: %s", own.body())
                .isEqualTo(405);
    }

    @Test
    void logoutEndsTheKeycloakSessionToo() {
        BrowserSession browser = signedIn("secretary.almaty");

        HttpResponse<String> out = browser.follow(browser.get(gateway() + "/bff/logout"));
        HttpResponse<String> afterwards = browser.get(gateway() + "/bff/session");
        HttpResponse<String> loginAgain = browser.follow(browser.get(gateway() + "/bff/login"));

        assertThat(out.statusCode()).isEqualTo(200);
        assertThat(out.uri().getPath()).isEqualTo("/bff/signed-out");
        assertThat(afterwards.statusCode()).isEqualTo(401);
        assertThat(loginAgain.uri().toString()).as("Keycloak asks for the password again")
                .startsWith(RunningPlatform.config().issuer());
        assertThat(loginAgain.body()).contains("kc-form-login");
    }
}
