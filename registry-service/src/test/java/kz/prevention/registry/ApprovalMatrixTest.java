package kz.prevention.registry;

import static io.restassured.RestAssured.given;
import static kz.prevention.registry.support.RegistryApi.adult;
import static kz.prevention.registry.support.RegistryApi.minor;
import static kz.prevention.registry.support.RegistryApi.registered;
import static kz.prevention.registry.support.RegistryApi.registration;
import static kz.prevention.registry.support.RegistryApi.removal;
import static kz.prevention.registry.support.RegistryApi.requested;
import static kz.prevention.testing.TestTokens.supervisor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import kz.prevention.testing.AuthorizationCells;
import kz.prevention.testing.TestTokens;

/**
 * The approval endpoints against authorised heads of every level and their neighbours, with real
 * RS256 tokens: a head decides on the entries of the unit it heads (its {@code unit} claim, a KATO
 * code read by KATO's levels — Abai {@code 100000000} is not Akmola {@code 110000000}, the district
 * {@code 271000000} is not its sibling {@code 271100000}), sees them only under the entries' access
 * rule (minors with the juvenile role), for an agency keeping the registry, and never decides its
 * own request. 404 where the caller may not know the entry exists.
 */
@QuarkusTest
class ApprovalMatrixTest {

    // Shymkent, a city no other test class keeps entries in: the matrix leaves many requests pending, and
    // the deadline tests read Almaty's work-item queue.
    static final String CITY = "790000000";
    static final String CITY_DISTRICT = "791110000";
    static final String CITY_OTHER_DISTRICT = "791210000";
    static final String ABAI = "100000000";
    static final String AKMOLA = "110000000";
    static final String WEST_KAZAKHSTAN = "270000000";
    static final String WKO_DISTRICT = "271000000";
    static final String WKO_SIBLING_DISTRICT = "271100000";

    private static final String[] CALLERS = {"head.city", "head.city-adults-only", "head.city-district",
            "head.city-other-district", "head.astana", "head.abai", "head.akmola", "head.west-kazakhstan",
            "head.271000000", "head.271100000", "head.city-education", "head.city-no-unit", "officer.city",
            "self", "supervisor", "measures-executor", "anonymous"};

    /** op → expected status per caller, in CALLERS order. */
    private static final Map<String, int[]> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("approve adult removal in the city",
                new int[] {200, 200, 200, 403, 404, 404, 404, 404, 404, 404, 403, 403, 403, 403, 403, 403, 401});
        EXPECTED.put("reject adult removal in the city",
                new int[] {200, 200, 200, 403, 404, 404, 404, 404, 404, 404, 403, 403, 403, 403, 403, 403, 401});
        EXPECTED.put("approve minor removal in the city",
                new int[] {200, 404, 200, 403, 404, 404, 404, 404, 404, 404, 403, 403, 403, 403, 403, 403, 401});
        EXPECTED.put("approve removal in Abai",
                new int[] {404, 404, 404, 404, 404, 200, 404, 404, 404, 404, 404, 404, 404, 403, 403, 403, 401});
        EXPECTED.put("approve removal in district 271000000",
                new int[] {404, 404, 404, 404, 404, 404, 404, 200, 200, 404, 404, 404, 404, 403, 403, 403, 401});
        EXPECTED.put("read adult approval in the city",
                new int[] {200, 200, 200, 200, 404, 404, 404, 404, 404, 404, 200, 200, 200, 200, 200, 403, 401});
        EXPECTED.put("list approvals",
                new int[] {200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 403, 401});
    }

    static Stream<Arguments> cells() {
        return AuthorizationCells.of(EXPECTED, CALLERS);
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("cells")
    void callerGetsTheExpectedStatus(String op, String caller, int expected) {
        String token = caller.equals("self") ? selfHead(territoryOf(op)) : token(caller);
        // The request is made by an officer of the territory, or — in the "self" column — by the deciding head itself.
        String requester = caller.equals("self") ? token : requester(territoryOf(op));
        AuthorizationCells.check(token, operation(op, requester), expected);
    }

    @Test
    void aHeadsQueueFollowsKatoLevelsNotStrippedZeros() {
        String abai = request(requester(ABAI), "101010000", false);
        String akmola = request(requester(AKMOLA), "111010000", false);
        String district = request(requester(WKO_DISTRICT), "271010000", false);
        String sibling = request(requester(WKO_SIBLING_DISTRICT), "271110000", false);

        queue(token("head.abai")).body("items.id", hasItem(abai)).body("items.id", not(hasItem(akmola)))
                .body("items.region", everyItem(startsWith("10")));
        queue(token("head.akmola")).body("items.id", hasItem(akmola)).body("items.id", not(hasItem(abai)))
                .body("items.region", everyItem(startsWith("11")));
        queue(token("head.271000000")).body("items.id", hasItem(district)).body("items.id", not(hasItem(sibling)))
                .body("items.region", everyItem(startsWith("2710")));
        queue(token("head.271100000")).body("items.id", hasItem(sibling)).body("items.id", not(hasItem(district)));
        queue(token("head.west-kazakhstan")).body("items.id", hasItem(district)).body("items.id", hasItem(sibling));
        queue(token("head.astana")).body("items.region", everyItem(startsWith("71")));
    }

    @Test
    void minorsRequestsAreQueuedOnlyForHeadsWithTheJuvenileRole() {
        String minor = request(requester(CITY), CITY_DISTRICT, true);
        String adult = request(requester(CITY), CITY_DISTRICT, false);

        queue(token("head.city")).body("items.id", hasItem(minor)).body("items.id", hasItem(adult));
        queue(token("head.city-adults-only")).body("items.id", not(hasItem(minor))).body("items.id", hasItem(adult));
    }

    @Test
    void aHeadOfAnotherRegionFindsNothingAndCannotDecide() {
        String approval = request(requester(CITY), CITY_DISTRICT, false);
        String entry = given().auth().oauth2(supervisor()).get("/api/v1/approvals/" + approval).then().statusCode(200)
                .extract().path("entryId");

        given().auth().oauth2(token("head.astana")).get("/api/v1/approvals?entryId=" + entry).then().statusCode(200)
                .body("total", equalTo(0));
        given().auth().oauth2(token("head.astana")).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/approvals/" + approval + "/approve").then().statusCode(404)
                .body("detail", not(org.hamcrest.Matchers.containsString(entry)));
    }

    private static io.restassured.response.ValidatableResponse queue(String token) {
        return given().auth().oauth2(token).get("/api/v1/approvals?status=PENDING&size=100").then().statusCode(200);
    }

    private static String territoryOf(String op) {
        if (op.contains("Abai")) {
            return ABAI;
        }
        if (op.contains("271000000")) {
            return WKO_DISTRICT;
        }
        return CITY;
    }

    private static String entryRegionOf(String op) {
        if (op.contains("Abai")) {
            return "101010000";
        }
        if (op.contains("271000000")) {
            return "271010000";
        }
        return CITY_DISTRICT;
    }

    private static Function<RequestSpecification, Response> operation(String op, String requester) {
        return switch (op) {
            case "approve adult removal in the city", "approve removal in Abai", "approve removal in district 271000000" ->
                    r -> r.body(Map.of("note", "согласовано"))
                            .post("/api/v1/approvals/" + request(requester, entryRegionOf(op), false) + "/approve");
            case "approve minor removal in the city" -> r -> r.body(Map.of())
                    .post("/api/v1/approvals/" + request(requester, entryRegionOf(op), true) + "/approve");
            case "reject adult removal in the city" -> r -> r.body(Map.of("reason", "нет характеристики"))
                    .post("/api/v1/approvals/" + request(requester, entryRegionOf(op), false) + "/reject");
            case "read adult approval in the city" -> r -> r.get("/api/v1/approvals/" + request(requester, entryRegionOf(op), false));
            case "list approvals" -> r -> r.get("/api/v1/approvals");
            default -> throw new IllegalArgumentException(op);
        };
    }

    /** A fresh entry in the region and a pending removal of it, requested by {@code requester}. */
    private static String request(String requester, String region, boolean minor) {
        String entry = registered(requester, minor ? registration(minor(15), "MINOR_SUBSTANCE_ABUSE", region)
                : registration(adult(), "SPECIAL_REQUIREMENTS", region));
        return requested(requester, entry, "removal", removal());
    }

    /** An officer (adults and minors) of the territory's police body: makes the requests. */
    private static String requester(String territory) {
        return TestTokens.user("requester." + territory).roles("registry-officer", "juvenile-inspector").agency("POLICE")
                .region(territory).sign();
    }

    /** The head of the territory who also asks (a head holds the officer's roles). */
    private static String selfHead(String territory) {
        return head("self-head." + territory, territory, territory, "POLICE", true);
    }

    private static String head(String name, String region, String unit, String agency, boolean juvenile) {
        TestTokens t = TestTokens.user(name).agency(agency).region(region);
        if (unit != null) {
            t.unit(unit);
        }
        return (juvenile ? t.roles("authorised-head", "registry-officer", "juvenile-inspector")
                : t.roles("authorised-head", "registry-officer")).sign();
    }

    private static String token(String caller) {
        return switch (caller) {
            case "head.city" -> head(caller, CITY, CITY, "POLICE", true);
            case "head.city-adults-only" -> head(caller, CITY, CITY, "POLICE", false);
            case "head.city-district" -> head(caller, CITY_DISTRICT, CITY_DISTRICT, "POLICE", true);
            case "head.city-other-district" -> head(caller, CITY, CITY_OTHER_DISTRICT, "POLICE", true);
            case "head.astana" -> head(caller, "710000000", "710000000", "POLICE", true);
            case "head.abai" -> head(caller, ABAI, ABAI, "POLICE", true);
            case "head.akmola" -> head(caller, AKMOLA, AKMOLA, "POLICE", true);
            case "head.west-kazakhstan" -> head(caller, WEST_KAZAKHSTAN, WEST_KAZAKHSTAN, "POLICE", true);
            case "head.271000000" -> head(caller, WKO_DISTRICT, WKO_DISTRICT, "POLICE", true);
            case "head.271100000" -> head(caller, WKO_SIBLING_DISTRICT, WKO_SIBLING_DISTRICT, "POLICE", true);
            case "head.city-education" -> head(caller, CITY, CITY, "EDUCATION", true);
            case "head.city-no-unit" -> head(caller, CITY, null, "POLICE", true);
            case "officer.city" -> TestTokens.juvenile(CITY);
            case "supervisor" -> supervisor();
            case "measures-executor" -> TestTokens.executor("EDUCATION", CITY);
            case "anonymous" -> null;
            default -> throw new IllegalArgumentException(caller);
        };
    }
}
