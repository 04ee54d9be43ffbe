package kz.prevention.commission;

import static io.restassured.RestAssured.given;
import static kz.prevention.commission.support.CommissionApi.ASTANA;
import static kz.prevention.commission.support.CommissionApi.commissionBody;
import static kz.prevention.commission.support.CommissionApi.memberBody;
import static kz.prevention.commission.support.CommissionApi.today;
import static kz.prevention.commission.support.CommissionApi.unique;
import static kz.prevention.commission.support.Sitting.instruction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import kz.prevention.commission.support.Assistants;
import kz.prevention.testing.AuthorizationCells;
import kz.prevention.testing.AuthorizedRequests;
import kz.prevention.testing.TestTokens;

/**
 * Every endpoint of commission-service against every kind of caller, with real RS256 tokens. 404
 * (not 403) where the caller may not know the commission's materials exist: another territory's
 * secretary, a member of another commission, a member whose term has ended.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    /** Region 19 (Almaty region) is this test's alone; its fixture commission sits in district 1901. */
    private static final String REGION = "190000000";
    private static final String DISTRICT = "190100000";
    private static final String[] CALLERS = {"secretary", "secretary.elsewhere", "chair", "member", "former-member",
            "other-member", "supervisor", "registry-officer", "measures-executor", "analyst", "platform-admin", "anonymous",
            "police", "akimat", "akimat.elsewhere"};
    private static final Map<String, int[]> EXPECTED = new LinkedHashMap<>();
    private static final int[] READ = {200, 404, 200, 200, 404, 404, 200, 403, 403, 403, 403, 401};
    private static final int[] MANAGE = {200, 404, 403, 403, 404, 404, 403, 403, 403, 403, 403, 401};
    private static final int[] CREATE = {201, 404, 403, 403, 404, 404, 403, 403, 403, 403, 403, 401};
    private static final int[] ACT_AS_MEMBER = {403, 404, 200, 200, 404, 404, 403, 403, 403, 403, 403, 401};
    private static final int[] ANY_OF_THE_ROLES = {200, 200, 200, 200, 200, 200, 200, 403, 403, 403, 403, 401};

    /** Public assistants: police and akimat of the district, the supervisor reads; akimat.elsewhere is another district's. */
    private static final int[] ASSISTANT_READ = {403, 403, 403, 403, 403, 403, 200, 404, 403, 403, 403, 401, 200, 200, 404};
    private static final int[] ASSISTANT_RECHECK = {403, 403, 403, 403, 403, 403, 403, 404, 403, 403, 403, 401, 200, 200, 404};
    private static final int[] AKIMAT_DECIDES = {403, 403, 403, 403, 403, 403, 403, 404, 403, 403, 403, 401, 403, 200, 404};
    /** The budget belongs to the district's interdepartmental commission, of which the fixture's members are not members. */
    private static final int[] BUDGET_READ = {200, 404, 404, 404, 404, 404, 200, 403, 403, 403, 403, 401, 403, 403, 403};

    static {
        EXPECTED.put("file assistant application", new int[] {403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401, 201,
                403, 403});
        EXPECTED.put("list assistants", new int[] {403, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 401, 200, 200, 200});
        EXPECTED.put("read assistant", ASSISTANT_READ);
        EXPECTED.put("list assistant rewards", ASSISTANT_READ);
        EXPECTED.put("recheck registry", ASSISTANT_RECHECK);
        EXPECTED.put("register assistant", AKIMAT_DECIDES);
        EXPECTED.put("refuse assistant", AKIMAT_DECIDES);
        EXPECTED.put("propose assistant reward", new int[] {403, 403, 403, 403, 403, 403, 403, 404, 403, 403, 403, 401, 403, 201,
                404});
        EXPECTED.put("read assistant budget", BUDGET_READ);
        EXPECTED.put("set assistant budget", new int[] {200, 404, 404, 404, 404, 404, 403, 403, 403, 403, 403, 401, 403, 403, 403});
    }

    /** The commission operations existed before public assistants: the police and akimat officers fare as any other role. */
    private static final class CommissionOperations {
        static void put(String op, int[] statuses) {
            int[] all = java.util.Arrays.copyOf(statuses, CALLERS.length);
            for (int i = statuses.length; i < CALLERS.length; i++) {
                all[i] = statuses[7];
            }
            EXPECTED.put(op, all);
        }
    }

    static {
        CommissionOperations.put("list commissions", ANY_OF_THE_ROLES);
        CommissionOperations.put("read rules defaults", ANY_OF_THE_ROLES);
        CommissionOperations.put("read agenda item kinds", ANY_OF_THE_ROLES);
        CommissionOperations.put("create commission", new int[] {201, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401});
        CommissionOperations.put("read commission", READ);
        CommissionOperations.put("read commission history", READ);
        CommissionOperations.put("set rules", MANAGE);
        CommissionOperations.put("add member", CREATE);
        CommissionOperations.put("change member", MANAGE);
        CommissionOperations.put("schedule session", CREATE);
        CommissionOperations.put("list sessions", READ);
        CommissionOperations.put("read session", READ);
        CommissionOperations.put("read session agenda", READ);
        CommissionOperations.put("read session history", READ);
        CommissionOperations.put("read item history", READ);
        CommissionOperations.put("read decision history", READ);
        CommissionOperations.put("read attendance", READ);
        CommissionOperations.put("record attendance", MANAGE);
        CommissionOperations.put("list agenda items", READ);
        CommissionOperations.put("propose item", CREATE);
        CommissionOperations.put("read item", READ);
        CommissionOperations.put("accept item", MANAGE);
        CommissionOperations.put("defer item", MANAGE);
        CommissionOperations.put("dismiss item", MANAGE);
        CommissionOperations.put("declare recusal", ACT_AS_MEMBER);
        CommissionOperations.put("vote", ACT_AS_MEMBER);
        CommissionOperations.put("read votes", READ);
        CommissionOperations.put("draft decision", CREATE);
        CommissionOperations.put("read decision", READ);
        CommissionOperations.put("read item decision", READ);
        CommissionOperations.put("amend decision", MANAGE);
        CommissionOperations.put("sign off", new int[] {403, 404, 200, 403, 404, 404, 403, 403, 403, 403, 403, 401});
        CommissionOperations.put("read minutes", READ);
        CommissionOperations.put("read execution dashboard", READ);
        CommissionOperations.put("list instructions", READ);
        CommissionOperations.put("query audit log", new int[] {403, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 401});
        CommissionOperations.put("verify audit chain", new int[] {403, 403, 403, 403, 403, 403, 200, 403, 403, 403, 200, 401});
        CommissionOperations.put("read reference catalogs", new int[] {200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 401});
        CommissionOperations.put("who am I", new int[] {200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 401});
        CommissionOperations.put("read event catalog", new int[] {200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200});
        CommissionOperations.put("list parked outbox rows", new int[] {403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 401});
    }

    private static final AtomicInteger DISTRICTS = new AtomicInteger(10);
    private static Fixture fixture;

    static Stream<Arguments> cells() {
        return AuthorizationCells.of(EXPECTED, CALLERS);
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("cells")
    void callerGetsTheExpectedStatus(String op, String caller, int expected) {
        Fixture f = fixture();
        AuthorizationCells.check(f.token(caller), operation(op, f), expected);
    }

    private static Function<RequestSpecification, Response> operation(String op, Fixture f) {
        String c = "/api/v1/commissions/" + f.commission;
        return switch (op) {
            case "list commissions" -> r -> r.get("/api/v1/commissions");
            case "read rules defaults" -> r -> r.get("/api/v1/commissions/rules-defaults");
            case "read agenda item kinds" -> r -> r.get("/api/v1/agenda-item-kinds");
            case "create commission" -> r -> r.body(commissionBody("MINORS_AFFAIRS", "DISTRICT",
                    "19" + DISTRICTS.getAndIncrement() + "00000")).post("/api/v1/commissions");
            case "read commission" -> r -> r.get(c);
            case "read commission history" -> r -> r.get(c + "/history");
            case "set rules" -> r -> r.header("If-Match", f.etag(c)).body(Map.of("quorumNumerator", 2, "quorumDenominator", 3,
                    "majorityBase", "PRESENT", "chairCastingVote", true, "regularPeriodMonths", 3)).put(c + "/rules");
            case "add member" -> r -> r.body(memberBody(unique("added"), "MEMBER")).post(c + "/members");
            case "change member" -> r -> r.body(Map.of("position", "заместитель " + System.nanoTime()))
                    .patch(c + "/members/" + f.deputyId);
            case "schedule session" -> r -> r.body(Map.of("date", today().plusDays(40).toString(), "place", "зал"))
                    .post(c + "/sessions");
            case "list sessions" -> r -> r.get(c + "/sessions");
            case "read session" -> r -> r.get("/api/v1/sessions/" + f.session);
            case "read session agenda" -> r -> r.get("/api/v1/sessions/" + f.session + "/agenda");
            case "read session history" -> r -> r.get("/api/v1/sessions/" + f.session + "/history");
            case "read item history" -> r -> r.get("/api/v1/agenda-items/" + f.item + "/history");
            case "read decision history" -> r -> r.get("/api/v1/decisions/" + f.decision + "/history");
            case "read attendance" -> r -> r.get("/api/v1/sessions/" + f.session + "/attendance");
            case "record attendance" -> r -> r.body(Map.of("present", f.present)).put("/api/v1/sessions/" + f.session + "/attendance");
            case "list agenda items" -> r -> r.get(c + "/agenda-items");
            case "propose item" -> r -> r.body(Map.of("kind", "AGENCY_HEAD_REPORT", "title", "отчёт")).post(c + "/agenda-items");
            case "read item" -> r -> r.get("/api/v1/agenda-items/" + f.item);
            case "accept item" -> r -> r.body(Map.of("sessionId", f.session, "reason", "полные"))
                    .post("/api/v1/agenda-items/" + f.proposed() + "/acceptance");
            case "defer item" -> r -> r.body(Map.of("reason", "позже")).post("/api/v1/agenda-items/" + f.proposed() + "/deferral");
            case "dismiss item" -> r -> r.body(Map.of("reason", "не наше")).post("/api/v1/agenda-items/" + f.proposed() + "/dismissal");
            case "declare recusal" -> r -> r.body(Map.of("reason", "родственник"))
                    .post("/api/v1/agenda-items/" + f.inSitting() + "/recusal");
            case "vote" -> r -> r.body(Map.of("choice", "FOR")).post("/api/v1/agenda-items/" + f.inSitting() + "/votes");
            case "read votes" -> r -> r.get("/api/v1/agenda-items/" + f.item + "/votes");
            case "draft decision" -> r -> r.body(Map.of("text", "решение", "legalBasis", "ст. 79",
                    "instructions", List.of(instruction("POLICE", "PUBLIC_PLACES", null, 30))))
                    .post("/api/v1/agenda-items/" + f.inSitting() + "/decision");
            case "read decision" -> r -> r.get("/api/v1/decisions/" + f.decision);
            case "read item decision" -> r -> r.get("/api/v1/agenda-items/" + f.item + "/decision");
            case "amend decision" -> r -> r.header("If-Match", f.etag("/api/v1/decisions/" + f.decision))
                    .body(Map.of("text", "решение " + System.nanoTime())).patch("/api/v1/decisions/" + f.decision);
            case "sign off" -> r -> r.body(Map.of()).post("/api/v1/sessions/" + f.sittingToday() + "/sign-off");
            case "read minutes" -> r -> r.accept("application/pdf, application/problem+json")
                    .get("/api/v1/sessions/" + f.signedSession + "/minutes");
            case "read execution dashboard" -> r -> r.get(c + "/execution");
            case "list instructions" -> r -> r.get(c + "/execution/instructions?status=ALL");
            case "query audit log" -> r -> r.get("/api/v1/audit");
            case "verify audit chain" -> r -> r.get("/api/v1/audit/verify");
            case "read reference catalogs" -> r -> r.get("/api/v1/catalogs/subjects");
            case "who am I" -> r -> r.get("/api/v1/me");
            case "read event catalog" -> r -> r.get("/api/v1/event-catalog/schemas/kz.prevention.commission.decision.adopted.v1");
            case "list parked outbox rows" -> r -> r.get("/api/v1/admin/outbox");
            case "file assistant application" -> r -> r.body(Assistants.application(Assistants.adultIin(), DISTRICT, null))
                    .post("/api/v1/public-assistants");
            case "list assistants" -> r -> r.get("/api/v1/public-assistants");
            case "read assistant" -> r -> r.get("/api/v1/public-assistants/" + f.registeredAssistant);
            case "list assistant rewards" -> r -> r.get("/api/v1/public-assistants/" + f.registeredAssistant + "/rewards");
            case "recheck registry" -> r -> r.body(Map.of()).post("/api/v1/public-assistants/" + f.eligibleAssistant + "/registry-check");
            case "register assistant" -> r -> r.body(Map.of()).post("/api/v1/public-assistants/" + f.eligible() + "/registration");
            case "refuse assistant" -> r -> r.body(Map.of("reason", "отказ")).post("/api/v1/public-assistants/" + f.eligible()
                    + "/refusal");
            case "propose assistant reward" -> r -> r.body(Map.of("amount", 1, "reason", "помощь"))
                    .post("/api/v1/public-assistants/" + f.registeredAssistant + "/rewards");
            case "read assistant budget" -> r -> r.get(f.budget);
            case "set assistant budget" -> r -> r.header("If-Match", f.etag(f.budget)).body(budgetBody()).put(f.budget);
            default -> throw new IllegalArgumentException(op);
        };
    }

    private static Map<String, Object> budgetBody() {
        return Map.of("amount", 1_000_000, "maslikhatDecision", Map.of("number", "12/34", "date", "2026-01-15"));
    }

    private static synchronized Fixture fixture() {
        if (fixture == null) {
            fixture = new Fixture();
        }
        return fixture;
    }

    /** One commission in district 1901 with a chair, a deputy, a member, a former member; another commission next door. */
    private static final class Fixture {
        final String secretary = TestTokens.user("secretary.region19").roles("commission-secretary").agency("AKIMAT")
                .region(REGION).sign();
        final String chairName = unique("chair");
        final String memberName = unique("member");
        final String formerName = unique("former");
        final String otherName = unique("other");
        final String commission;
        final String deputyId;
        final List<String> present = new ArrayList<>();
        final String session;
        final String item;
        final String decision;
        final String signedSession;
        final String budget;
        final String eligibleAssistant;
        final String registeredAssistant;

        Fixture() {
            commission = AuthorizedRequests.post(secretary, "/api/v1/commissions", null,
                    commissionBody("MINORS_AFFAIRS", "DISTRICT", "190100000")).statusCode(201).extract().path("id");
            present.add(addMember(commission, chairName, "CHAIR", null));
            deputyId = addMember(commission, unique("deputy"), "DEPUTY_CHAIR", null);
            present.add(deputyId);
            present.add(addMember(commission, memberName, "MEMBER", null));
            addMember(commission, formerName, "MEMBER", today().minusDays(1).toString());
            String other = AuthorizedRequests.post(secretary, "/api/v1/commissions", null,
                    commissionBody("MINORS_AFFAIRS", "DISTRICT", "190200000")).statusCode(201).extract().path("id");
            addMember(other, otherName, "CHAIR", null);
            session = sittingToday();
            item = inSitting();
            decision = AuthorizedRequests.post(secretary, "/api/v1/agenda-items/" + item + "/decision", null,
                    Map.of("text", "решение", "legalBasis", "ст. 79", "instructions",
                            List.of(instruction("POLICE", "PUBLIC_PLACES", null, 30)))).statusCode(201).extract().path("id");
            signedSession = sittingToday();
            AuthorizedRequests.post(TestTokens.user(chairName).roles("commission-member").region(REGION).sign(),
                    "/api/v1/sessions/" + signedSession + "/sign-off", null, Map.of()).statusCode(200);
            // The district's interdepartmental commission decides public assistants' rewards within its budget.
            String interdepartmental = AuthorizedRequests.post(secretary, "/api/v1/commissions", null,
                    commissionBody("INTERDEPARTMENTAL", "DISTRICT", DISTRICT)).statusCode(201).extract().path("id");
            budget = "/api/v1/commissions/" + interdepartmental + "/assistant-budgets/" + today().getYear();
            given().auth().oauth2(secretary).contentType(ContentType.JSON).body(budgetBody()).put(budget).then().statusCode(200);
            eligibleAssistant = eligible();
            registeredAssistant = Assistants.registered(DISTRICT);
        }

        /** A new application of the district, eligible (the registry double answers "not on the registry"). */
        String eligible() {
            return Assistants.file(DISTRICT, Assistants.application(Assistants.adultIin(), DISTRICT, null)).statusCode(201)
                    .body("status", org.hamcrest.Matchers.equalTo("ELIGIBLE")).extract().path("id");
        }

        private String addMember(String commission, String username, String role, String to) {
            Map<String, Object> body = memberBody(username, role);
            if (to != null) {
                body.put("to", to);
            }
            return AuthorizedRequests.post(secretary, "/api/v1/commissions/" + commission + "/members", null, body)
                    .statusCode(201).extract().path("id");
        }

        /** A session today whose sitting has begun with everyone present. */
        String sittingToday() {
            String s = AuthorizedRequests.post(secretary, "/api/v1/commissions/" + commission + "/sessions", null,
                    Map.of("date", today().toString(), "place", "зал")).statusCode(201).extract().path("id");
            given().auth().oauth2(secretary).contentType(ContentType.JSON).body(Map.of("present", present))
                    .put("/api/v1/sessions/" + s + "/attendance").then().statusCode(200);
            return s;
        }

        String proposed() {
            return AuthorizedRequests.post(secretary, "/api/v1/commissions/" + commission + "/agenda-items", null,
                    Map.of("kind", "AGENCY_HEAD_REPORT", "title", "отчёт")).statusCode(201).extract().path("id");
        }

        String inSitting() {
            return AuthorizedRequests.post(secretary, "/api/v1/commissions/" + commission + "/agenda-items", null,
                    Map.of("kind", "MINOR_CASE", "title", "дело", "sessionId", session)).statusCode(201).extract().path("id");
        }

        String etag(String path) {
            return AuthorizedRequests.get(TestTokens.supervisor(), path).statusCode(200).extract().header("ETag");
        }

        String token(String caller) {
            return switch (caller) {
                case "secretary" -> secretary;
                case "secretary.elsewhere" -> TestTokens.user("secretary.astana").roles("commission-secretary").agency("AKIMAT")
                        .region(ASTANA).sign();
                case "chair" -> member(chairName);
                case "member" -> member(memberName);
                case "former-member" -> member(formerName);
                case "other-member" -> member(otherName);
                case "supervisor" -> TestTokens.supervisor();
                case "anonymous" -> null;
                case "police" -> Assistants.police(DISTRICT);
                case "akimat" -> Assistants.akimat(DISTRICT);
                case "akimat.elsewhere" -> Assistants.akimat("190200000");
                default -> TestTokens.role(caller, REGION);
            };
        }

        private static String member(String username) {
            return TestTokens.user(username).roles("commission-member").agency("EDUCATION").region(REGION).sign();
        }
    }
}
