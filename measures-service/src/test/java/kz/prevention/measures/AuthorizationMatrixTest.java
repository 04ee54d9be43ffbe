package kz.prevention.measures;

import static io.restassured.RestAssured.given;
import static kz.prevention.measures.support.MeasuresApi.assigned;
import static kz.prevention.measures.support.MeasuresApi.completion;
import static kz.prevention.measures.support.MeasuresApi.planOf;
import static kz.prevention.measures.support.MeasuresApi.today;
import static kz.prevention.testing.TestTokens.officer;
import static kz.prevention.testing.TestTokens.role;
import static kz.prevention.testing.TestTokens.supervisor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import kz.prevention.measures.support.MeasuresApi;
import kz.prevention.measures.support.MeasuresApi.Entry;
import kz.prevention.measures.support.Registry;
import kz.prevention.testing.AuthorizationCells;
import kz.prevention.testing.AuthorizedRequests;
import kz.prevention.testing.TestTokens;

/**
 * Every endpoint of measures-service against every kind of caller, with real RS256 tokens: role ×
 * territory × agency × organisation. Territories are KATO codes with inner zeros at every level, read
 * by KatoScope's levels: region {@code 100000000} (Abai, beside Akmola {@code 110000000}), district
 * {@code 271000000} (beside {@code 271100000}), rural district {@code 271010000}, and settlement
 * {@code 271010100}, where the adult of fixture A lives, beside {@code 271013100}, a settlement of
 * the sibling rural district {@code 271013}. A's
 * measure is assigned to school No. 7 ({@code 130140007918}, EDUCATION, serving 271010000); school
 * No. 21 of the same agency and territory, an executor without an organisation claim, another
 * agency's organisation and school No. 7's BIN in a token for another district must all get 404.
 * Fixture B is an adult of Akmola whose measure is Akmola's education department's. 404 (not 403)
 * wherever the caller may not even know the record exists.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    static final String SCHOOL_7 = "130140007918";
    static final String SCHOOL_21 = "100540008023";
    static final String DISTRICT_HOSPITAL = "020640009137";
    static final String ABAI_EDUCATION = "940740005794";
    static final String AKMOLA_EDUCATION = "140140003461";
    static final String SETTLEMENT = "271010100";
    static final String AKMOLA = "110000000";

    private static final String[] CALLERS = {"officer.100000000", "officer.110000000", "officer.271000000",
            "officer.271100000", "officer.271010000", "officer.271013100", "officer.271010100", "juvenile-only.271000000",
            "supervisor", "executor.school-7", "executor.school-21", "executor.no-organisation", "executor.hospital",
            "executor.school-7-in-271100000", "executor.abai-education", "executor.akmola-education", "analyst",
            "anonymous"};

    /** op → expected status per caller, in CALLERS order. */
    private static final Map<String, int[]> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("search plans", new int[] {200, 200, 200, 200, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 401});
        EXPECTED.put("read plan A", new int[] {404, 404, 200, 404, 200, 404, 200, 404, 200, 403, 403, 403, 403, 403, 403, 403, 403, 401});
        EXPECTED.put("read plan A history", new int[] {404, 404, 200, 404, 200, 404, 200, 404, 200, 403, 403, 403, 403, 403, 403, 403, 403, 401});
        EXPECTED.put("assign in plan A", new int[] {404, 404, 201, 404, 201, 404, 201, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401});
        EXPECTED.put("open general plan in 271010000", new int[] {403, 403, 201, 403, 201, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401});
        EXPECTED.put("read measure A", new int[] {404, 404, 200, 404, 200, 404, 200, 404, 200, 200, 404, 404, 404, 404, 404, 404, 403, 401});
        EXPECTED.put("read measure A history", new int[] {404, 404, 200, 404, 200, 404, 200, 404, 200, 200, 404, 404, 404, 404, 404, 404, 403, 401});
        EXPECTED.put("update measure A", new int[] {404, 404, 200, 404, 200, 404, 200, 404, 403, 403, 404, 404, 404, 404, 404, 404, 403, 401});
        EXPECTED.put("start measure A", new int[] {404, 404, 403, 404, 403, 404, 403, 404, 403, 200, 404, 404, 404, 404, 404, 404, 403, 401});
        EXPECTED.put("complete measure A", new int[] {404, 404, 403, 404, 403, 404, 403, 404, 403, 200, 404, 404, 404, 404, 404, 404, 403, 401});
        EXPECTED.put("cancel measure A", new int[] {404, 404, 200, 404, 200, 404, 200, 404, 403, 403, 404, 404, 404, 404, 404, 404, 403, 401});
        EXPECTED.put("summary of measure A's person", new int[] {404, 404, 403, 404, 403, 404, 403, 404, 403, 200, 404, 404, 404, 404, 404, 404, 403, 401});
        EXPECTED.put("read plan B", new int[] {404, 200, 404, 404, 404, 404, 404, 404, 200, 403, 403, 403, 403, 403, 403, 403, 403, 401});
        EXPECTED.put("read measure B", new int[] {404, 200, 404, 404, 404, 404, 404, 404, 200, 404, 404, 404, 404, 404, 404, 200, 403, 401});
        EXPECTED.put("summary of measure B's person", new int[] {404, 403, 404, 404, 404, 404, 404, 404, 403, 404, 404, 404, 404, 404, 404, 200, 403, 401});
        // The queue needs an organisation claim; what each queue holds is checked in OrganisationScopeTest.
        EXPECTED.put("assignments queue", new int[] {403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 200, 403, 200, 200, 200, 200, 403, 401});
        EXPECTED.put("decision's instructions", new int[] {200, 200, 200, 200, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 401});
        EXPECTED.put("query audit log", new int[] {403, 403, 403, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403, 403, 401});
        EXPECTED.put("verify audit chain", new int[] {403, 403, 403, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403, 403, 401});
        EXPECTED.put("read catalogs", new int[] {200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 401});
        EXPECTED.put("read event catalog", new int[] {200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200});
        EXPECTED.put("who am I", new int[] {200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 401});
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

    /**
     * A change that should succeed gets a fresh measure of plan A (a start, a completion or a
     * withdrawal happens once); one that should be refused is tried on the shared measure.
     */
    private static Function<RequestSpecification, Response> operation(String op, Fixtures f, int expected) {
        return switch (op) {
            case "search plans" -> r -> r.get("/api/v1/plans");
            case "read plan A" -> r -> r.get("/api/v1/plans/" + f.planA);
            case "read plan A history" -> r -> r.get("/api/v1/plans/" + f.planA + "/history");
            case "assign in plan A" -> r -> r.body(rehabilitation()).post("/api/v1/plans/" + f.planA + "/measures");
            case "open general plan in 271010000" -> r -> r.body(Map.of("generalKind", "DOMESTIC_VIOLENCE", "title",
                    "Программа " + UUID.randomUUID(), "region", "271010000")).post("/api/v1/plans");
            case "read measure A" -> r -> r.get("/api/v1/measures/" + f.measureA);
            case "read measure A history" -> r -> r.get("/api/v1/measures/" + f.measureA + "/history");
            case "update measure A" -> r -> ifMatch(r, f.measureA).body(Map.of("responsiblePerson", "Исмаилова Д. Т."))
                    .patch("/api/v1/measures/" + f.measureA);
            case "start measure A" -> r -> {
                String m = expected == 200 ? freshMeasure(f) : f.measureA;
                return ifMatch(r, m).body("{}").post("/api/v1/measures/" + m + "/start");
            };
            case "complete measure A" -> r -> {
                String m = expected == 200 ? started(freshMeasure(f)) : f.measureA;
                return ifMatch(r, m).body(completion()).post("/api/v1/measures/" + m + "/completion");
            };
            case "cancel measure A" -> r -> {
                String m = expected == 200 ? freshMeasure(f) : f.measureA;
                return ifMatch(r, m).body(Map.of("note", "план пересмотрен")).post("/api/v1/measures/" + m + "/cancellation");
            };
            case "summary of measure A's person" -> r -> r.get("/api/v1/measures/" + f.measureA + "/summary");
            case "read plan B" -> r -> r.get("/api/v1/plans/" + f.planB);
            case "read measure B" -> r -> r.get("/api/v1/measures/" + f.measureB);
            case "summary of measure B's person" -> r -> r.get("/api/v1/measures/" + f.measureB + "/summary");
            case "assignments queue" -> r -> r.get("/api/v1/assignments");
            case "decision's instructions" -> r -> r.get("/api/v1/decisions/" + UUID.randomUUID() + "/instructions");
            case "query audit log" -> r -> r.get("/api/v1/audit");
            case "verify audit chain" -> r -> r.get("/api/v1/audit/verify");
            case "read catalogs" -> r -> r.get("/api/v1/catalogs/organisations");
            case "read event catalog" -> r -> r.get("/api/v1/event-catalog");
            case "who am I" -> r -> r.get("/api/v1/me");
            default -> throw new IllegalArgumentException(op);
        };
    }

    private static String token(String caller) {
        if (caller.startsWith("officer.")) {
            return officer(caller.substring("officer.".length()));
        }
        return switch (caller) {
            case "juvenile-only.271000000" -> TestTokens.user(caller).roles("juvenile-inspector").agency("POLICE")
                    .region("271000000").sign();
            case "supervisor" -> supervisor();
            case "executor.school-7" -> TestTokens.executor("EDUCATION", "271010000", SCHOOL_7);
            case "executor.school-21" -> TestTokens.executor("EDUCATION", "271010000", SCHOOL_21);
            case "executor.no-organisation" -> TestTokens.executor("EDUCATION", "271010000");
            case "executor.hospital" -> TestTokens.executor("HEALTH", "271000000", DISTRICT_HOSPITAL);
            case "executor.school-7-in-271100000" -> TestTokens.executor("EDUCATION", "271100000", SCHOOL_7);
            case "executor.abai-education" -> TestTokens.executor("EDUCATION", "100000000", ABAI_EDUCATION);
            case "executor.akmola-education" -> TestTokens.executor("EDUCATION", AKMOLA, AKMOLA_EDUCATION);
            case "analyst" -> role("analyst", "000000000");
            case "anonymous" -> null;
            default -> throw new IllegalArgumentException(caller);
        };
    }

    private static RequestSpecification ifMatch(RequestSpecification r, String measureId) {
        String etag = AuthorizedRequests.get(supervisor(), "/api/v1/measures/" + measureId).statusCode(200).extract()
                .header("ETag");
        return r.header("If-Match", etag);
    }

    private static Map<String, Object> rehabilitation() {
        return rehabilitation(SCHOOL_7);
    }

    private static Map<String, Object> rehabilitation(String organisation) {
        Map<String, Object> body = MeasuresApi.measure("SOCIAL_REHABILITATION", "EDUCATION", today().plusDays(60));
        body.put("organisation", organisation);
        return body;
    }

    private static String freshMeasure(Fixtures f) {
        return assigned(officer("271000000"), f.planA, rehabilitation());
    }

    private static String started(String measureId) {
        String school = TestTokens.executor("EDUCATION", "271010000", SCHOOL_7);
        AuthorizedRequests.post(school, "/api/v1/measures/" + measureId + "/start", MeasuresApi.etag(school, measureId), "{}")
                .statusCode(200);
        return measureId;
    }

    private static synchronized Fixtures fixtures() {
        if (fixtures == null) {
            Entry a = new Entry(SETTLEMENT, false);
            a.register();
            String planA = planOf(a);
            Entry b = new Entry(AKMOLA, false);
            b.register();
            String planB = planOf(b);
            String measureA = assigned(officer(SETTLEMENT), planA, rehabilitation());
            String measureB = assigned(officer(AKMOLA), planB, rehabilitation(AKMOLA_EDUCATION));
            Registry.knows(a.personId, "Ахметов Данияр Серикович", 34);
            Registry.knows(b.personId, "Нурланова Айгерим Маратовна", 34);
            fixtures = new Fixtures(planA, measureA, planB, measureB);
        }
        return fixtures;
    }

    private record Fixtures(String planA, String measureA, String planB, String measureB) {
    }
}
