package kz.prevention.registry;

import static io.restassured.RestAssured.given;
import static kz.prevention.registry.support.RegistryApi.ALMATY;
import static kz.prevention.registry.support.RegistryApi.ASTANA;
import static kz.prevention.registry.support.RegistryApi.adult;
import static kz.prevention.registry.support.RegistryApi.document;
import static kz.prevention.registry.support.RegistryApi.removal;
import static kz.prevention.registry.support.RegistryApi.requested;
import static kz.prevention.testing.TestTokens.juvenile;
import static kz.prevention.registry.support.RegistryApi.juvenileOnly;
import static kz.prevention.registry.support.RegistryApi.minor;
import static kz.prevention.testing.TestTokens.officer;
import static kz.prevention.registry.support.RegistryApi.registered;
import static kz.prevention.registry.support.RegistryApi.registration;
import static kz.prevention.testing.TestTokens.role;
import static kz.prevention.testing.TestTokens.supervisor;
import static kz.prevention.registry.support.RegistryApi.today;
import static org.hamcrest.Matchers.everyItem;
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
import kz.prevention.testing.AuthorizationCells;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every endpoint family against every kind of caller, with real RS256 tokens: the status each
 * caller gets is the table below. 404 (not 403) where the caller may not even know the entry exists.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    private static final String[] CALLERS = {"officer.almaty", "officer.astana", "officer.almaty-district",
            "juvenile-only.almaty", "juvenile.almaty", "supervisor", "measures-executor", "commission-secretary",
            "analyst", "platform-admin", "registry-check", "registry-summary", "anonymous"};

    /** op → expected status per caller, in CALLERS order. */
    private static final Map<String, int[]> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("read adult entry", new int[] {200, 404, 404, 404, 200, 200, 403, 403, 403, 403, 403, 403, 401});
        EXPECTED.put("read minor entry", new int[] {404, 404, 404, 200, 200, 200, 403, 403, 403, 403, 403, 403, 401});
        EXPECTED.put("update adult entry", new int[] {200, 404, 404, 404, 200, 403, 403, 403, 403, 403, 403, 403, 401});
        EXPECTED.put("update minor entry", new int[] {404, 404, 404, 200, 200, 403, 403, 403, 403, 403, 403, 403, 401});
        // Removal, extension and transfer are requests (202) until an authorised head approves them.
        EXPECTED.put("request removal of adult entry", new int[] {202, 404, 404, 404, 202, 403, 403, 403, 403, 403, 403, 403, 401});
        EXPECTED.put("request extension of adult entry", new int[] {202, 404, 404, 404, 202, 403, 403, 403, 403, 403, 403, 403, 401});
        EXPECTED.put("request transfer of adult entry", new int[] {202, 404, 404, 404, 202, 403, 403, 403, 403, 403, 403, 403, 401});
        EXPECTED.put("request removal of minor entry", new int[] {404, 404, 404, 202, 202, 403, 403, 403, 403, 403, 403, 403, 401});
        // None of these callers is an authorised head (ApprovalMatrixTest has the heads).
        EXPECTED.put("approve removal", new int[] {403, 404, 404, 404, 403, 403, 403, 403, 403, 403, 403, 403, 401});
        EXPECTED.put("reject removal", new int[] {403, 404, 404, 404, 403, 403, 403, 403, 403, 403, 403, 403, 401});
        EXPECTED.put("read approval", new int[] {200, 404, 404, 404, 200, 200, 403, 403, 403, 403, 403, 403, 401});
        EXPECTED.put("list approvals", new int[] {200, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 401});
        EXPECTED.put("log control visit", new int[] {200, 404, 404, 404, 200, 403, 403, 403, 403, 403, 403, 403, 401});
        EXPECTED.put("read entry history", new int[] {200, 404, 404, 404, 200, 200, 403, 403, 403, 403, 403, 403, 401});
        EXPECTED.put("read person", new int[] {200, 404, 404, 404, 200, 200, 403, 403, 403, 403, 403, 403, 401});
        EXPECTED.put("read person history", new int[] {200, 404, 404, 404, 200, 200, 403, 403, 403, 403, 403, 403, 401});
        EXPECTED.put("search entries", new int[] {200, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 401});
        EXPECTED.put("register adult in Almaty", new int[] {201, 403, 403, 403, 201, 403, 403, 403, 403, 403, 403, 403, 401});
        EXPECTED.put("list work items", new int[] {200, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 401});
        EXPECTED.put("query audit log", new int[] {403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403, 403, 401});
        EXPECTED.put("verify audit chain", new int[] {403, 403, 403, 403, 403, 200, 403, 403, 403, 200, 403, 403, 401});
        // The narrow IIN check is the registry-check service account's alone, and that role reads nothing else.
        EXPECTED.put("check an IIN", new int[] {403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 403, 401});
        // The executing organisation's person summary is the registry-summary service account's alone.
        EXPECTED.put("summarise a person for an organisation", new int[] {403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 401});
        EXPECTED.put("read catalogs", new int[] {200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 401});
    }

    private static Fixtures fixtures;

    static Stream<Arguments> cells() {
        return AuthorizationCells.of(EXPECTED, CALLERS);
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("cells")
    void callerGetsTheExpectedStatus(String op, String caller, int expected) {
        Fixtures f = fixtures();
        RequestSpecification req = given().contentType(ContentType.JSON);
        String token = token(caller);
        if (token != null) {
            req = req.auth().oauth2(token);
        }
        Response r = operation(op, f, expected).apply(req);
        r.then().statusCode(expected);
        if (expected >= 400) {
            r.then().contentType("application/problem+json");
        }
    }

    @Test
    void refusedRequestsAndDecisionsLeaveTheFixturesUnchanged() {
        Fixtures f = fixtures();
        given().auth().oauth2(supervisor()).get("/api/v1/approvals/" + f.approval).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("PENDING"));
        given().auth().oauth2(supervisor()).get("/api/v1/approvals?entryId=" + f.requestTarget).then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void searchNeverReturnsAnotherTerritorysEntries() {
        fixtures();
        given().auth().oauth2(officer(ASTANA)).when().get("/api/v1/entries?size=100").then().statusCode(200)
                .body("items.region", everyItem(startsWith("71")));
    }

    @Test
    void searchHidesMinorsFromOfficersAndAdultsFromJuvenileOnlyInspectors() {
        fixtures();
        given().auth().oauth2(officer(ALMATY)).when().get("/api/v1/entries?size=100").then().statusCode(200)
                .body("items.minor", everyItem(not(true)));
        given().auth().oauth2(juvenileOnly(ALMATY)).when().get("/api/v1/entries?size=100").then().statusCode(200)
                .body("items.minor", everyItem(not(false)));
    }

    @Test
    void searchingAnotherTerritoryExplicitlyIsForbidden() {
        given().auth().oauth2(officer(ALMATY)).when().get("/api/v1/entries?region=" + ASTANA).then().statusCode(403);
    }

    /**
     * A request that should be accepted gets a fresh entry (one request of a kind waits per entry);
     * one that should be refused is tried on the shared fixture, which it must leave unchanged.
     */
    private static Function<RequestSpecification, Response> operation(String op, Fixtures f, int expected) {
        // Official warnings are checked twice a month, so these entries stay out of the weekly-control deadline tests.
        String adultForRequest = expected != 202 ? f.requestTarget
                : op.contains("extension") ? freshAdult("SPECIAL_REQUIREMENTS") : freshAdult("OFFICIAL_WARNING");
        return switch (op) {
            case "read adult entry" -> r -> r.get("/api/v1/entries/" + f.adult);
            case "read minor entry" -> r -> r.get("/api/v1/entries/" + f.minor);
            case "update adult entry" -> r -> r.header("If-Match", etag(f.adult))
                    .body(Map.of("registeringBody", "УП " + System.nanoTime())).patch("/api/v1/entries/" + f.adult);
            case "update minor entry" -> r -> r.header("If-Match", etag(f.minor))
                    .body(Map.of("registeringBody", "УП " + System.nanoTime())).patch("/api/v1/entries/" + f.minor);
            case "log control visit" -> r -> r.body(Map.of("visitDate", today().toString(), "officer", "x",
                    "form", "PHONE_CALL", "result", "на связи")).post("/api/v1/entries/" + f.adult + "/controls");
            case "request removal of adult entry" -> r -> {
                String id = adultForRequest;
                return r.header("If-Match", etag(id)).body(removal()).post("/api/v1/entries/" + id + "/removal");
            };
            case "request extension of adult entry" -> r -> {
                String id = adultForRequest;
                return r.header("If-Match", etag(id)).body(Map.of("newEndDate", today().plusDays(200).toString(),
                        "reason", "риск сохраняется", "document", document("COURT_RULING")))
                        .post("/api/v1/entries/" + id + "/extensions");
            };
            case "request transfer of adult entry" -> r -> {
                String id = adultForRequest;
                return r.header("If-Match", etag(id)).body(Map.of("toRegion", ASTANA, "reason", "переезд"))
                        .post("/api/v1/entries/" + id + "/transfer");
            };
            case "request removal of minor entry" -> r -> {
                String id = expected == 202
                        ? registered(juvenile(ALMATY), registration(minor(15), "MINOR_SUBSTANCE_ABUSE", ALMATY)) : f.minor;
                return r.header("If-Match", etag(id)).body(removal()).post("/api/v1/entries/" + id + "/removal");
            };
            // No caller here may decide: every cell tries the one pending fixture request, which must stay pending.
            case "approve removal" -> r -> r.body(Map.of()).post("/api/v1/approvals/" + f.approval + "/approve");
            case "reject removal" -> r -> r.body(Map.of("reason", "нет оснований"))
                    .post("/api/v1/approvals/" + f.approval + "/reject");
            case "read approval" -> r -> r.get("/api/v1/approvals/" + f.approval);
            case "list approvals" -> r -> r.get("/api/v1/approvals?status=PENDING");
            case "read entry history" -> r -> r.get("/api/v1/entries/" + f.adult + "/history");
            case "read person" -> r -> r.get("/api/v1/persons/" + f.adultPerson);
            case "read person history" -> r -> r.get("/api/v1/persons/" + f.adultPerson + "/history");
            case "search entries" -> r -> r.get("/api/v1/entries");
            case "register adult in Almaty" -> r -> r.body(registration(adult(), "OFFICIAL_WARNING", ALMATY))
                    .post("/api/v1/entries");
            case "list work items" -> r -> r.get("/api/v1/work-items");
            case "query audit log" -> r -> r.get("/api/v1/audit");
            case "verify audit chain" -> r -> r.get("/api/v1/audit/verify");
            case "check an IIN" -> r -> r.header("X-Purpose", "matrix").body(Map.of("iin", adult().get("iin")))
                    .post("/api/v1/registry-checks");
            case "summarise a person for an organisation" -> r -> r.header("X-Purpose", "matrix")
                    .queryParam("organisation", "990540004566").get("/api/v1/person-summaries/" + f.adultPerson);
            case "read catalogs" -> r -> r.get("/api/v1/catalogs/registry-categories");
            default -> throw new IllegalArgumentException(op);
        };
    }

    private static String token(String caller) {
        return switch (caller) {
            case "officer.almaty" -> officer(ALMATY);
            case "officer.astana" -> officer(ASTANA);
            case "officer.almaty-district" -> officer("751210000");
            case "juvenile-only.almaty" -> juvenileOnly(ALMATY);
            case "juvenile.almaty" -> juvenile(ALMATY);
            case "supervisor" -> supervisor();
            case "anonymous" -> null;
            default -> role(caller, ALMATY);
        };
    }

    private static String freshAdult(String category) {
        return registered(officer(ALMATY), registration(adult(), category, ALMATY));
    }

    private static String etag(String entryId) {
        return given().auth().oauth2(supervisor()).when().get("/api/v1/entries/" + entryId).then().statusCode(200)
                .extract().header("ETag");
    }

    private static synchronized Fixtures fixtures() {
        if (fixtures == null) {
            String adult = registered(officer(ALMATY), registration(adult(), "SPECIAL_REQUIREMENTS", ALMATY));
            String minor = registered(juvenile(ALMATY), registration(minor(15), "MINOR_SUBSTANCE_ABUSE", ALMATY));
            String person = given().auth().oauth2(supervisor()).when().get("/api/v1/entries/" + adult).then()
                    .extract().path("person.id");
            String approval = requested(officer(ALMATY), freshAdult("OFFICIAL_WARNING"), "removal", removal());
            String requestTarget = freshAdult("OFFICIAL_WARNING");
            fixtures = new Fixtures(adult, minor, person, approval, requestTarget);
        }
        return fixtures;
    }

    private record Fixtures(String adult, String minor, String adultPerson, String approval, String requestTarget) {
    }
}
