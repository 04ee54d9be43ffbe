package kz.prevention.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The cells of an authorization matrix for a parameterized test: one (operation, caller, expected
 * status) per row of {@code expected} and column of {@code callers}, rows in their map's order.
 */
public final class AuthorizationCells {

    private AuthorizationCells() {
    }

    public static Stream<Arguments> of(Map<String, int[]> expected, String[] callers) {
        List<Arguments> cells = new ArrayList<>();
        expected.forEach((op, statuses) -> {
            for (int i = 0; i < callers.length; i++) {
                cells.add(Arguments.of(op, callers[i], statuses[i]));
            }
        });
        return cells.stream();
    }

    /**
     * One cell: the operation made with {@code token} (none: anonymous) answers {@code expected}, and every
     * refusal is an RFC 9457 problem.
     */
    public static void check(String token, java.util.function.Function<RequestSpecification, Response> operation,
            int expected) {
        RequestSpecification req = io.restassured.RestAssured.given().contentType(ContentType.JSON);
        if (token != null) {
            req = req.auth().oauth2(token);
        }
        Response r = operation.apply(req);
        r.then().statusCode(expected);
        if (expected >= 400) {
            r.then().contentType("application/problem+json");
        }
    }
}
