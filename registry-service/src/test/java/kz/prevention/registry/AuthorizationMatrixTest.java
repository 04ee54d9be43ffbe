package kz.prevention.registry;

import static io.restassured.RestAssured.given;
import static kz.prevention.registry.support.RegistryApi.ALMATY;
import static kz.prevention.registry.support.RegistryApi.ALMATY_DISTRICT;
import static kz.prevention.registry.support.RegistryApi.ASTANA;
import static kz.prevention.registry.support.RegistryApi.ASTANA_DISTRICT;
import static kz.prevention.registry.support.RegistryApi.approve;
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
import kz.prevention.testing.TestTokens;
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
            "analyst", "platform-admin", "registry-check", "registry-summary", "anonymous",
            // KATO codes with inner zeros (Abai 100000000 is not Akmola 11…; district 271000000 is not 271100000),
            // an officer of an agency that keeps no registry, and authorised heads.
            "officer.abai", "officer.271000000", "officer.almaty-education", "head.almaty", "head.abai", "head.271000000",
            // A rural district (level 3, scope 271010): it sees 271010000, not its sibling 271020000 nor the district above.
            "officer.271010000"};

    /** op → expected status per caller, in CALLERS order. */
    private static final Map<String, int[]> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("read adult entry", new int[] {200, 404, 404, 404, 200, 200, 403, 403, 403, 403, 403, 403, 401, 404, 404, 200, 200, 404, 404, 404});
        EXPECTED.put("read minor entry", new int[] {404, 404, 404, 200, 200, 200, 403, 403, 403, 403, 403, 403, 401, 404, 404, 404, 200, 404, 404, 404});
        EXPECTED.put("update adult entry", new int[] {200, 404, 404, 404, 200, 403, 403, 403, 403, 403, 403, 403, 401, 404, 404, 403, 200, 404, 404, 404});
        EXPECTED.put("update minor entry", new int[] {404, 404, 404, 200, 200, 403, 403, 403, 403, 403, 403, 403, 401, 404, 404, 404, 200, 404, 404, 404});
        // Removal, extension and transfer are requests (202) until an authorised head approves them.
        EXPECTED.put("request removal of adult entry", new int[] {202, 404, 404, 404, 202, 403, 403, 403, 403, 403, 403, 403, 401, 404, 404, 403, 202, 404, 404, 404});
        EXPECTED.put("request extension of adult entry", new int[] {202, 404, 404, 404, 202, 403, 403, 403, 403, 403, 403, 403, 401, 404, 404, 403, 202, 404, 404, 404});
        EXPECTED.put("request transfer of adult entry", new int[] {202, 404, 404, 404, 202, 403, 403, 403, 403, 403, 403, 403, 401, 404, 404, 403, 202, 404, 404, 404});
        EXPECTED.put("request removal of minor entry", new int[] {404, 404, 404, 202, 202, 403, 403, 403, 403, 403, 403, 403, 401, 404, 404, 404, 202, 404, 404, 404});
        // None of these callers is an authorised head (ApprovalMatrixTest has the heads).
        EXPECTED.put("approve removal", new int[] {403, 404, 404, 404, 403, 403, 403, 403, 403, 403, 403, 403, 401, 404, 404, 403, 200, 404, 404, 404});
        EXPECTED.put("reject removal", new int[] {403, 404, 404, 404, 403, 403, 403, 403, 403, 403, 403, 403, 401, 404, 404, 403, 200, 404, 404, 404});
        EXPECTED.put("read approval", new int[] {200, 404, 404, 404, 200, 200, 403, 403, 403, 403, 403, 403, 401, 404, 404, 200, 200, 404, 404, 404});
        EXPECTED.put("list approvals", new int[] {200, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 401, 200, 200, 200, 200, 200, 200, 200});
        EXPECTED.put("log control visit", new int[] {200, 404, 404, 404, 200, 403, 403, 403, 403, 403, 403, 403, 401, 404, 404, 403, 200, 404, 404, 404});
        EXPECTED.put("read entry history", new int[] {200, 404, 404, 404, 200, 200, 403, 403, 403, 403, 403, 403, 401, 404, 404, 200, 200, 404, 404, 404});
        EXPECTED.put("read person", new int[] {200, 404, 404, 404, 200, 200, 403, 403, 403, 403, 403, 403, 401, 404, 404, 200, 200, 404, 404, 404});
        EXPECTED.put("read person history", new int[] {200, 404, 404, 404, 200, 200, 403, 403, 403, 403, 403, 403, 401, 404, 404, 200, 200, 404, 404, 404});
        EXPECTED.put("search entries", new int[] {200, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 401, 200, 200, 200, 200, 200, 200, 200});
        EXPECTED.put("register adult in Almaty", new int[] {201, 403, 403, 403, 201, 403, 403, 403, 403, 403, 403, 403, 401, 403, 403, 403, 201, 403, 403, 403});
        EXPECTED.put("list work items", new int[] {200, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 401, 200, 200, 200, 200, 200, 200, 200});
        EXPECTED.put("query audit log", new int[] {403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403, 403, 401, 403, 403, 403, 403, 403, 403, 403});
        EXPECTED.put("verify audit chain", new int[] {403, 403, 403, 403, 403, 200, 403, 403, 403, 200, 403, 403, 401, 403, 403, 403, 403, 403, 403, 403});
        // The narrow IIN check is the registry-check service account's alone, and that role reads nothing else.
        EXPECTED.put("check an IIN", new int[] {403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 403, 401, 403, 403, 403, 403, 403, 403, 403});
        // Order 163's recorded acts: the warning's copy to the prosecutor (the keeping body), the quarterly file
        // review (an authorised head of the unit keeping the entry only, at every KATO level).
        EXPECTED.put("record prosecutor copy",
                new int[] {200, 404, 404, 404, 200, 403, 403, 403, 403, 403, 403, 403, 401, 404, 404, 403, 200, 404, 404, 404});
        EXPECTED.put("record file review",
                new int[] {403, 404, 404, 404, 403, 403, 403, 403, 403, 403, 403, 403, 401, 404, 404, 403, 201, 404, 404, 404});
        EXPECTED.put("record file review in Abai",
                new int[] {404, 404, 404, 404, 404, 403, 403, 403, 403, 403, 403, 403, 401, 403, 404, 404, 404, 201, 404, 404});
        EXPECTED.put("record file review in district 271000000",
                new int[] {404, 404, 404, 404, 404, 403, 403, 403, 403, 403, 403, 403, 401, 404, 403, 404, 404, 404, 201, 403});
        EXPECTED.put("read file reviews",
                new int[] {200, 404, 404, 404, 200, 200, 403, 403, 403, 403, 403, 403, 401, 404, 404, 200, 200, 404, 404, 404});
        // A person without an IIN gets one (or is merged): only a body keeping an active entry of theirs.
        EXPECTED.put("identify person without IIN",
                new int[] {200, 404, 404, 404, 200, 403, 403, 403, 403, 403, 403, 403, 401, 404, 404, 403, 200, 404, 404, 404});
        // The executing organisation's person summary is the registry-summary service account's alone.
        EXPECTED.put("summarise a person for an organisation", new int[] {403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 401,
                403, 403, 403, 403, 403, 403, 403});
        // KATO levels with inner zeros: the district 271000000 covers its rural districts 271010000 and 271020000;
        // the rural district 271010000 covers itself, not its sibling.
        EXPECTED.put("read entry in rural district 271010000",
                new int[] {404, 404, 404, 404, 404, 200, 403, 403, 403, 403, 403, 403, 401, 404, 200, 404, 404, 404, 200, 200});
        EXPECTED.put("read entry in rural district 271020000",
                new int[] {404, 404, 404, 404, 404, 200, 403, 403, 403, 403, 403, 403, 401, 404, 200, 404, 404, 404, 200, 404});
        EXPECTED.put("read control sheet",
                new int[] {200, 404, 404, 404, 200, 200, 403, 403, 403, 403, 403, 403, 401, 404, 404, 200, 200, 404, 404, 404});
        // Transfers: pending ones are listed to the territories they concern (entries each caller may read); the
        // receiving body — an officer of the target territory whose agency keeps the registry — accepts or rejects.
        // The sending body and the supervisor see the entry but do not decide (403); everyone else does not see it (404).
        EXPECTED.put("list incoming transfers",
                new int[] {200, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 401, 200, 200, 200, 200, 200, 200, 200});
        EXPECTED.put("accept transfer of adult into Astana",
                new int[] {403, 200, 404, 404, 403, 403, 403, 403, 403, 403, 403, 403, 401, 404, 404, 403, 403, 404, 404, 404});
        EXPECTED.put("reject transfer of adult into Astana",
                new int[] {403, 200, 404, 404, 403, 403, 403, 403, 403, 403, 403, 403, 401, 404, 404, 403, 403, 404, 404, 404});
        // A minor's file moving from Astana into an Almaty district: only juvenile inspectors of Almaty see and decide it.
        EXPECTED.put("accept transfer of minor into Almaty",
                new int[] {404, 404, 404, 200, 200, 403, 403, 403, 403, 403, 403, 403, 401, 404, 404, 404, 200, 404, 404, 404});
        EXPECTED.put("reject transfer of minor into Almaty",
                new int[] {404, 404, 404, 200, 200, 403, 403, 403, 403, 403, 403, 403, 401, 404, 404, 404, 200, 404, 404, 404});
        // A person's record: read by whoever sees an entry of theirs, changed only by a body keeping an active one.
        EXPECTED.put("update person",
                new int[] {200, 404, 404, 404, 200, 403, 403, 403, 403, 403, 403, 403, 401, 404, 404, 403, 200, 404, 404, 404});
        // By IIN (with X-Purpose): an empty list where no entry of theirs is in scope, never a leak.
        EXPECTED.put("find person by IIN",
                new int[] {200, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 401, 200, 200, 200, 200, 200, 200, 200});
        // Closing a work item changes its entry's file: the keeping body only (the supervisor reads, an agency keeping
        // no registry changes nothing).
        EXPECTED.put("resolve work item",
                new int[] {200, 404, 404, 404, 200, 403, 403, 403, 403, 403, 403, 403, 401, 404, 404, 403, 200, 404, 404, 404});
        EXPECTED.put("who am I",
                new int[] {200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 401, 200, 200, 200, 200, 200, 200, 200});
        EXPECTED.put("list catalogs",
                new int[] {200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 401, 200, 200, 200, 200, 200, 200, 200});
        EXPECTED.put("read catalog entry",
                new int[] {200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 401, 200, 200, 200, 200, 200, 200, 200});
        EXPECTED.put("read catalogs", new int[] {200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 401, 200, 200, 200, 200, 200, 200, 200});
    }

    private static Fixtures fixtures;

    static Stream<Arguments> cells() {
        return AuthorizationCells.of(EXPECTED, CALLERS);
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("cells")
    void callerGetsTheExpectedStatus(String op, String caller, int expected) {
        Fixtures f = fixtures();
        AuthorizationCells.check(token(caller), operation(op, f, expected), expected);
    }

    @Test
    void refusedRequestsAndDecisionsLeaveTheFixturesUnchanged() {
        Fixtures f = fixtures();
        given().auth().oauth2(supervisor()).get("/api/v1/approvals/" + f.approval).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("PENDING"));
        given().auth().oauth2(supervisor()).get("/api/v1/approvals?entryId=" + f.requestTarget).then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(0));
        given().auth().oauth2(supervisor()).get("/api/v1/entries/" + f.requestTarget).then().statusCode(200)
                .body("prosecutorCopy", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(supervisor()).get("/api/v1/persons/" + f.withoutIin.id()).then().statusCode(200)
                .body("person.iin", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(supervisor()).get("/api/v1/entries/" + f.adultTransfer).then().statusCode(200)
                .body("region", org.hamcrest.Matchers.equalTo(ALMATY))
                .body("pendingTransfer.toRegion", org.hamcrest.Matchers.equalTo(ASTANA_DISTRICT));
        given().auth().oauth2(supervisor()).get("/api/v1/entries/" + f.minorTransfer).then().statusCode(200)
                .body("region", org.hamcrest.Matchers.equalTo(ASTANA))
                .body("pendingTransfer.toRegion", org.hamcrest.Matchers.equalTo(ALMATY_DISTRICT));
        given().auth().oauth2(supervisor()).get("/api/v1/work-items?entryId=" + f.requestTarget).then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(f.workItem));
    }

    @Test
    void incomingTransfersAreScopedAndHideMinorsFromOfficersWithoutTheJuvenileRole() {
        Fixtures f = fixtures();
        given().auth().oauth2(officer(ASTANA)).get("/api/v1/transfers?direction=incoming&size=100").then().statusCode(200)
                .body("items.entryId", org.hamcrest.Matchers.hasItem(f.adultTransfer))
                .body("items.entryId", not(org.hamcrest.Matchers.hasItem(f.minorTransfer)));
        given().auth().oauth2(officer(ALMATY)).get("/api/v1/transfers?direction=incoming&size=100").then().statusCode(200)
                .body("items.entryId", not(org.hamcrest.Matchers.hasItem(f.minorTransfer)))
                .body("items.entryId", not(org.hamcrest.Matchers.hasItem(f.adultTransfer)));
        given().auth().oauth2(juvenileOnly(ALMATY)).get("/api/v1/transfers?direction=incoming&size=100").then().statusCode(200)
                .body("items.entryId", org.hamcrest.Matchers.hasItem(f.minorTransfer));
        // 751210000 is another Almaty district than the minor's target 751110000.
        given().auth().oauth2(juvenile("751210000")).get("/api/v1/transfers?direction=incoming&size=100").then()
                .statusCode(200).body("items.entryId", not(org.hamcrest.Matchers.hasItem(f.minorTransfer)));
    }

    @Test
    void findingAPersonByIinNeedsAPurpose() {
        Fixtures f = fixtures();
        given().auth().oauth2(officer(ALMATY)).queryParam("iin", f.adultIin).get("/api/v1/persons").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(officer(ALMATY)).header("X-Purpose", "matrix").queryParam("iin", f.adultIin)
                .get("/api/v1/persons").then().statusCode(200).body("person.id", org.hamcrest.Matchers.hasItem(f.adultPerson));
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
            // A refused decision tries the one pending fixture request, which must stay pending; a head decides a fresh one.
            case "approve removal" -> r -> r.body(Map.of()).post("/api/v1/approvals/" + approvalFor(f, expected) + "/approve");
            case "reject removal" -> r -> r.body(Map.of("reason", "нет оснований"))
                    .post("/api/v1/approvals/" + approvalFor(f, expected) + "/reject");
            case "record prosecutor copy" -> r -> {
                String id = expected == 200 ? freshAdult("OFFICIAL_WARNING") : f.requestTarget;
                return r.header("If-Match", etag(id)).body(Map.of("sentOn", today().toString(), "outgoingNumber", "исх. 1"))
                        .post("/api/v1/entries/" + id + "/prosecutor-copy");
            };
            case "record file review" -> r -> r.body(review()).post("/api/v1/entries/" + f.adult + "/file-reviews");
            case "record file review in Abai" -> r -> r.body(review()).post("/api/v1/entries/" + f.abai + "/file-reviews");
            case "record file review in district 271000000" -> r -> r.body(review())
                    .post("/api/v1/entries/" + f.district271 + "/file-reviews");
            case "read file reviews" -> r -> r.get("/api/v1/entries/" + f.adult + "/file-reviews");
            case "identify person without IIN" -> r -> {
                WithoutIin p = expected == 200 ? withoutIinPerson() : f.withoutIin;
                return r.header("If-Match", personEtag(p.id)).body(Map.of("iin", p.iin))
                        .post("/api/v1/persons/" + p.id + "/identification");
            };
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
            case "read entry in rural district 271010000" -> r -> r.get("/api/v1/entries/" + f.district271);
            case "read entry in rural district 271020000" -> r -> r.get("/api/v1/entries/" + f.rural271020);
            case "read control sheet" -> r -> r.get("/api/v1/entries/" + f.adult + "/controls");
            case "list incoming transfers" -> r -> r.get("/api/v1/transfers?direction=incoming");
            case "accept transfer of adult into Astana" -> r -> {
                String id = expected == 200 ? pendingAdultTransfer() : f.adultTransfer;
                return r.header("If-Match", etag(id)).body(acceptance()).post("/api/v1/entries/" + id + "/transfer/acceptance");
            };
            case "reject transfer of adult into Astana" -> r -> {
                String id = expected == 200 ? pendingAdultTransfer() : f.adultTransfer;
                return r.header("If-Match", etag(id)).body(Map.of("reason", "не проживает"))
                        .post("/api/v1/entries/" + id + "/transfer/rejection");
            };
            case "accept transfer of minor into Almaty" -> r -> {
                String id = expected == 200 ? pendingMinorTransfer() : f.minorTransfer;
                return r.header("If-Match", etag(id)).body(acceptance()).post("/api/v1/entries/" + id + "/transfer/acceptance");
            };
            case "reject transfer of minor into Almaty" -> r -> {
                String id = expected == 200 ? pendingMinorTransfer() : f.minorTransfer;
                return r.header("If-Match", etag(id)).body(Map.of("reason", "не проживает"))
                        .post("/api/v1/entries/" + id + "/transfer/rejection");
            };
            case "update person" -> r -> {
                String id = expected == 200 ? personOf(freshAdult("SPECIAL_REQUIREMENTS")) : f.adultPerson;
                return r.header("If-Match", personEtag(id)).body(Map.of("citizenship", "KAZ")).patch("/api/v1/persons/" + id);
            };
            case "find person by IIN" -> r -> r.header("X-Purpose", "matrix").queryParam("iin", f.adultIin).get("/api/v1/persons");
            case "resolve work item" -> r -> r.body(Map.of("resolution", "сделано"))
                    .post("/api/v1/work-items/" + (expected == 200 ? workItemOf(freshAdult("SPECIAL_REQUIREMENTS")) : f.workItem)
                            + "/resolution");
            case "who am I" -> r -> r.get("/api/v1/me");
            case "list catalogs" -> r -> r.get("/api/v1/catalogs");
            case "read catalog entry" -> r -> r.get("/api/v1/catalogs/registry-categories/OFFICIAL_WARNING");
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
            case "officer.abai" -> officer(ABAI);
            case "officer.271000000" -> officer(WKO_DISTRICT);
            case "officer.271010000" -> officer("271010000");
            case "officer.almaty-education" -> TestTokens.user("officer.education." + ALMATY).roles("registry-officer")
                    .agency("EDUCATION").region(ALMATY).sign();
            case "head.almaty" -> TestTokens.head(ALMATY);
            case "head.abai" -> TestTokens.head(ABAI);
            case "head.271000000" -> TestTokens.head(WKO_DISTRICT);
            default -> role(caller, ALMATY);
        };
    }

    private static final String ABAI = "100000000";
    private static final String WKO_DISTRICT = "271000000";

    private static String approvalFor(Fixtures f, int expected) {
        return expected == 200 ? requested(officer(ALMATY), freshAdult("OFFICIAL_WARNING"), "removal", removal()) : f.approval;
    }

    private static Map<String, Object> acceptance() {
        return Map.of("registeringBody", "УП " + System.nanoTime(), "responsibleOfficer", Map.of("name", "Ахметов Д. С."));
    }

    /** An adult's entry of Almaty whose transfer into an Astana district a head of Almaty approved: pending there. */
    private static String pendingAdultTransfer() {
        String id = freshAdult("PAROLE");
        approve(TestTokens.head(ALMATY), requested(officer(ALMATY), id, "transfer",
                Map.of("toRegion", ASTANA_DISTRICT, "reason", "смена места жительства"))).statusCode(200);
        return id;
    }

    /** A minor's entry of Astana whose transfer into an Almaty district a head of Astana approved. */
    private static String pendingMinorTransfer() {
        String id = registered(juvenile(ASTANA), registration(minor(15), "MINOR_SUBSTANCE_ABUSE", ASTANA));
        approve(TestTokens.head(ASTANA), requested(juvenile(ASTANA), id, "transfer",
                Map.of("toRegion", ALMATY_DISTRICT, "reason", "смена места жительства"))).statusCode(200);
        return id;
    }

    /** An open work item of the entry, as the monitor opens one (a file review due today). */
    private static String workItemOf(String entryId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            kz.prevention.registry.entry.RegistryEntry e = kz.prevention.registry.entry.RegistryEntry.findById(
                    java.util.UUID.fromString(entryId));
            io.quarkus.arc.Arc.container().instance(kz.prevention.registry.monitoring.WorkItems.class).get()
                    .open(e, kz.prevention.registry.monitoring.WorkItem.Kind.FILE_REVIEW, today(), "matrix");
            kz.prevention.registry.monitoring.WorkItem w = kz.prevention.registry.monitoring.WorkItem
                    .find("entryId", e.id).firstResult();
            return w.id.toString();
        });
    }

    private static String personOf(String entryId) {
        return given().auth().oauth2(supervisor()).when().get("/api/v1/entries/" + entryId).then().statusCode(200)
                .extract().path("person.id");
    }

    private static Map<String, Object> review() {
        return Map.of("reviewedOn", today().toString(), "findings", "замечаний нет");
    }

    /** A person registered without an IIN in Almaty, and the IIN their birth date and sex would have. */
    private record WithoutIin(String id, String iin) {
    }

    private static WithoutIin withoutIinPerson() {
        java.time.LocalDate born = today().minusYears(35).minusDays(java.util.concurrent.ThreadLocalRandom.current().nextInt(4000));
        String entry = registered(officer(ALMATY), registration(kz.prevention.registry.support.RegistryApi.withoutIin(born),
                "OFFICIAL_WARNING", ALMATY));
        String id = given().auth().oauth2(supervisor()).when().get("/api/v1/entries/" + entry).then().statusCode(200)
                .extract().path("person.id");
        return new WithoutIin(id, kz.prevention.testing.Iins.of(born, 'M'));
    }

    private static String personEtag(String personId) {
        return given().auth().oauth2(supervisor()).when().get("/api/v1/persons/" + personId).then().statusCode(200)
                .extract().header("ETag");
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
            Map<String, Object> adultBody = registration(adult(), "SPECIAL_REQUIREMENTS", ALMATY);
            String adult = registered(officer(ALMATY), adultBody);
            @SuppressWarnings("unchecked")
            String adultIin = (String) ((Map<String, Object>) adultBody.get("person")).get("iin");
            String minor = registered(juvenile(ALMATY), registration(minor(15), "MINOR_SUBSTANCE_ABUSE", ALMATY));
            String person = given().auth().oauth2(supervisor()).when().get("/api/v1/entries/" + adult).then()
                    .extract().path("person.id");
            String approval = requested(officer(ALMATY), freshAdult("OFFICIAL_WARNING"), "removal", removal());
            String requestTarget = freshAdult("OFFICIAL_WARNING");
            String abai = registered(officer(ABAI), registration(adult(), "SPECIAL_REQUIREMENTS", "101010000"));
            String district271 = registered(officer(WKO_DISTRICT), registration(adult(), "SPECIAL_REQUIREMENTS", "271010000"));
            String rural271020 = registered(officer(WKO_DISTRICT), registration(adult(), "SPECIAL_REQUIREMENTS", "271020000"));
            fixtures = new Fixtures(adult, minor, person, approval, requestTarget, abai, district271, withoutIinPerson(),
                    adultIin, rural271020, pendingAdultTransfer(), pendingMinorTransfer(), workItemOf(requestTarget));
        }
        return fixtures;
    }

    private record Fixtures(String adult, String minor, String adultPerson, String approval, String requestTarget,
            String abai, String district271, WithoutIin withoutIin, String adultIin, String rural271020,
            String adultTransfer, String minorTransfer, String workItem) {
    }
}
