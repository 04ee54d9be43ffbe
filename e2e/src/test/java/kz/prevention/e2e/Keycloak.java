package kz.prevention.e2e;

import static io.restassured.RestAssured.given;

/** Real tokens from the running platform's Keycloak. */
public final class Keycloak {

    private Keycloak() {
    }

    /** A demo user's access token (demo passwords equal the user names; see the realm file). */
    public static String userToken(String username) {
        return given().formParam("grant_type", "password").formParam("client_id", "cli")
                .formParam("username", username).formParam("password", username)
                .when().post(tokenUrl())
                .then().statusCode(200).extract().path("access_token");
    }

    public static String clientToken(String clientId, String secret) {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .when().post(tokenUrl())
                .then().statusCode(200).extract().path("access_token");
    }

    private static String tokenUrl() {
        return RunningPlatform.config().issuer() + "/protocol/openid-connect/token";
    }
}
