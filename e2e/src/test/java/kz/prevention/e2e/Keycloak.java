package kz.prevention.e2e;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;

import io.restassured.specification.RequestSpecification;

/**
 * Real tokens from the running platform's Keycloak. Each asks for the scopes of the services it is
 * for (the realm puts a service into a token's audience only when its client asks for that service's
 * scope), so a test's token is accepted by the services it calls and refused by the others.
 */
public final class Keycloak {

    public static final String REGISTRY = "registry-service";
    public static final String MEASURES = "measures-service";
    public static final String COMMISSION = "commission-service";
    public static final String REPORTING = "reporting-service";
    public static final List<String> SERVICES = List.of(REGISTRY, MEASURES, COMMISSION, REPORTING);

    private Keycloak() {
    }

    /** A demo user's access token for {@code service} (and {@code more}); demo passwords equal the user names. */
    public static String userToken(String username, String service, String... more) {
        return userToken(username, scopes(service, more));
    }

    /** A demo user's access token that asks for no service's scope: no service accepts it. */
    public static String userTokenForNoService(String username) {
        return userToken(username, List.of());
    }

    /** A client-credentials token of a system's client for {@code service} (and {@code more}). */
    public static String clientToken(String clientId, String secret, String service, String... more) {
        return token(given().formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", secret), scopes(service, more));
    }

    private static String userToken(String username, List<String> scopes) {
        return token(given().formParam("grant_type", "password").formParam("client_id", "cli")
                .formParam("username", username).formParam("password", username), scopes);
    }

    private static String token(RequestSpecification request, List<String> scopes) {
        if (!scopes.isEmpty()) {
            request.formParam("scope", String.join(" ", scopes));
        }
        return request.when().post(tokenUrl()).then().statusCode(200).extract().path("access_token");
    }

    private static List<String> scopes(String service, String... more) {
        List<String> scopes = new ArrayList<>(List.of(service));
        scopes.addAll(List.of(more));
        return scopes;
    }

    private static String tokenUrl() {
        return RunningPlatform.config().issuer() + "/protocol/openid-connect/token";
    }
}
