package kz.prevention.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** The calls every service's tests make with a bearer token: reads, and JSON writes with an optional If-Match. */
public final class AuthorizedRequests {

    private AuthorizedRequests() {
    }

    public static ValidatableResponse get(String token, String path) {
        return given().auth().oauth2(token).when().get(path).then();
    }

    public static ValidatableResponse post(String token, String path, String ifMatch, Object body) {
        return json(token, ifMatch, body).when().post(path).then();
    }

    public static ValidatableResponse patch(String token, String path, String ifMatch, Object body) {
        return json(token, ifMatch, body).when().patch(path).then();
    }

    private static RequestSpecification json(String token, String ifMatch, Object body) {
        RequestSpecification req = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        return ifMatch != null ? req.header("If-Match", ifMatch) : req;
    }
}
