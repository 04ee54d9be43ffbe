package kz.prevention.commission;

import static io.restassured.RestAssured.given;
import static kz.prevention.commission.support.CommissionApi.commissionBody;
import static kz.prevention.commission.support.CommissionApi.freshDistrict;
import static kz.prevention.commission.support.CommissionApi.memberBody;
import static kz.prevention.commission.support.CommissionApi.today;
import static kz.prevention.commission.support.CommissionApi.unique;
import static kz.prevention.commission.support.Sitting.instruction;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import kz.prevention.testing.AuthorizedRequests;
import kz.prevention.testing.PublishedEvents;
import kz.prevention.testing.RequestFuzzer;
import kz.prevention.testing.TestTokens;

/**
 * 1,000 generated malformed requests against every writing endpoint and the lists: not one answer
 * is a 5xx, every error is problem+json, and whatever was created is whole — its audit row, and
 * for a session its event on the topic.
 */
@QuarkusTest
class MalformedInputTest {

    private static final int REQUESTS = 1000;
    private static final String CREATED = "SELECT (SELECT count(*) FROM commission) + (SELECT count(*) FROM commission_member)"
            + " + (SELECT count(*) FROM commission_session) + (SELECT count(*) FROM agenda_item WHERE source = 'SECRETARY')"
            + " + (SELECT count(*) FROM decision)";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper mapper;

    @Test
    void malformedRequestsNeverGet5xxAlwaysGetProblemsAndLeaveNoPartialRows() throws Exception {
        String district = freshDistrict();
        String chair = unique("fuzz.chair");
        // The secretary of the district who is also the commission's chair: every endpoint is reachable with one token.
        String token = TestTokens.user(chair).roles("commission-secretary", "commission-member").agency("AKIMAT")
                .region(district).sign();
        String c = AuthorizedRequests.post(token, "/api/v1/commissions", null, commissionBody("MINORS_AFFAIRS", "DISTRICT", district))
                .statusCode(201).extract().path("id");
        List<String> present = new ArrayList<>();
        present.add(member(token, c, chair, "CHAIR"));
        present.add(member(token, c, unique("fuzz.deputy"), "DEPUTY_CHAIR"));
        present.add(member(token, c, unique("fuzz.member"), "MEMBER"));
        String session = AuthorizedRequests.post(token, "/api/v1/commissions/" + c + "/sessions", null,
                Map.of("date", today().toString(), "place", "зал")).statusCode(201).extract().path("id");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("present", present))
                .put("/api/v1/sessions/" + session + "/attendance").then().statusCode(200);
        List<String> inSitting = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            inSitting.add(item(token, c, session));
        }
        List<String> proposed = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            proposed.add(item(token, c, null));
        }
        String decision = AuthorizedRequests.post(token, "/api/v1/agenda-items/" + inSitting.get(0) + "/decision", null,
                decisionBody()).statusCode(201).extract().path("id");
        long before = count(CREATED);
        RequestFuzzer fuzz = new RequestFuzzer(20261126L, mapper);
        Targets t = new Targets(c, session, inSitting, proposed, decision, present);

        RequestFuzzer.Report report = fuzz.run(REQUESTS, () -> given().auth().oauth2(token), i -> generate(fuzz, i, t));

        System.out.println("commission malformed-input statuses over " + REQUESTS + " requests: " + report.statuses());
        assertThat(report.failures()).as("responses that broke the contract").isEmpty();
        assertThat(count(CREATED) - before).as("records created").isEqualTo(report.created());
        for (String table : List.of("commission", "commission_member", "commission_session", "agenda_item", "decision")) {
            assertThat(count("SELECT count(*) FROM " + table + " x WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE"
                    + " a.resource_id = x.id::text AND a.action IN ('CREATE', 'SYSTEM'))")).as(table + " rows without an audit row")
                    .isZero();
        }
        assertThat(PublishedEvents.on("prevention.commission.sessions", dataSource).stream()
                .map(e -> e.path("subject").asText()).toList()).as("every session's event is on the topic")
                .containsAll(ids("SELECT id::text FROM commission_session"));
    }

    private record Targets(String commission, String session, List<String> inSitting, List<String> proposed, String decision,
            List<String> present) {
    }

    private RequestFuzzer.Attempt generate(RequestFuzzer fuzz, int i, Targets t) {
        String c = "/api/v1/commissions/" + t.commission();
        String sitting = fuzz.pick(t.inSitting().toArray(new String[0]));
        String waiting = fuzz.pick(t.proposed().toArray(new String[0]));
        String[] etags = {"\"0\"", "\"1\"", "garbage", "", "W/\"x\"", "*"};
        return switch (i % 16) {
            case 0 -> fuzz.raw("POST", fuzz.pick(new String[] {"/api/v1/commissions", c + "/members", c + "/sessions",
                    c + "/agenda-items", "/api/v1/agenda-items/" + sitting + "/decision"}), fuzz.broken(commissionBody("MINORS_AFFAIRS",
                    "DISTRICT", "271000000")));
            case 1 -> fuzz.json("POST", "/api/v1/commissions", fuzz.mutate(commissionBody("INTERDEPARTMENTAL", "DISTRICT",
                    "271000000")), null);
            case 2 -> fuzz.json("POST", c + "/members", fuzz.mutate(memberBody(unique("fz"), "MEMBER")), null);
            case 3 -> fuzz.json("PUT", c + "/rules", fuzz.mutate(new LinkedHashMap<>(Map.of("quorumNumerator", 2,
                    "quorumDenominator", 3, "majorityBase", "PRESENT", "chairCastingVote", true, "regularPeriodMonths", 3))),
                    fuzz.pick(etags));
            case 4 -> fuzz.json("POST", c + "/sessions", fuzz.mutate(new LinkedHashMap<>(Map.of("date",
                    today().plusDays(7).toString(), "place", "зал"))), null);
            case 5 -> fuzz.json("POST", c + "/agenda-items", fuzz.mutate(new LinkedHashMap<>(Map.of("kind", "AGENCY_HEAD_REPORT",
                    "title", "отчёт", "entryId", UUID.randomUUID().toString()))), null);
            case 6 -> fuzz.json("POST", "/api/v1/agenda-items/" + waiting + fuzz.pick(new String[] {"/acceptance", "/deferral",
                    "/dismissal"}), fuzz.mutate(new LinkedHashMap<>(Map.of("sessionId", t.session(), "reason", "причина"))), null);
            case 7 -> fuzz.json("PUT", "/api/v1/sessions/" + t.session() + "/attendance",
                    fuzz.mutate(new LinkedHashMap<>(Map.of("present", t.present()))), null);
            case 8 -> fuzz.json("POST", "/api/v1/agenda-items/" + sitting + "/votes", fuzz.mutate(new LinkedHashMap<>(Map.of(
                    "choice", "FOR", "memberId", t.present().get(0)))), null);
            case 9 -> fuzz.json("POST", "/api/v1/agenda-items/" + sitting + "/recusal",
                    fuzz.mutate(new LinkedHashMap<>(Map.of("reason", "родственник"))), null);
            case 10 -> fuzz.json("POST", "/api/v1/agenda-items/" + sitting + "/decision", fuzz.mutate(decisionBody()), null);
            case 11 -> fuzz.json("PATCH", "/api/v1/decisions/" + t.decision(), fuzz.mutate(decisionBody()), fuzz.pick(etags));
            case 12 -> fuzz.query("/api/v1/commissions", new String[] {"page=-1", "size=0", "size=100000", "kind=FOO",
                    "level=BAR", "page=99999999999", "kind='or'1'='1", "level=DISTRICT", "size=%00"});
            case 13 -> fuzz.query(fuzz.pick(new String[] {c + "/agenda-items", c + "/execution/instructions"}), new String[] {
                    "status=DONEISH", "status=", "status=%00", "status=ALL", "status=PROPOSED", "x=1"});
            case 14 -> fuzz.headers(c + "/agenda-items", Map.of("kind", "AGENCY_HEAD_REPORT", "title", "отчёт"));
            default -> fuzz.json(fuzz.pick(new String[] {"POST", "PATCH", "PUT"}), fuzz.pick(new String[] {
                    "/api/v1/agenda-items/not-a-uuid/votes", "/api/v1/agenda-items/" + UUID.randomUUID() + "/votes",
                    "/api/v1/sessions/%2e%2e/sign-off", "/api/v1/decisions/00000000-0000-0000-0000-000000000000",
                    c + "/members/" + UUID.randomUUID(), "/api/v1/commissions/" + UUID.randomUUID() + "/rules"}),
                    fuzz.mutate(new LinkedHashMap<>(Map.of("choice", "FOR", "reason", "x"))), fuzz.pick(etags));
        };
    }

    private static Map<String, Object> decisionBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", "Решение комиссии");
        body.put("legalBasis", "ст. 79");
        body.put("instructions", new ArrayList<>(List.of(instruction("POLICE", "PUBLIC_PLACES", null, 30),
                instruction("EDUCATION", "PEDAGOGICAL_ESCORT", UUID.randomUUID(), 60))));
        return body;
    }

    private static String member(String token, String commission, String username, String role) {
        return AuthorizedRequests.post(token, "/api/v1/commissions/" + commission + "/members", null, memberBody(username, role))
                .statusCode(201).extract().path("id");
    }

    private static String item(String token, String commission, String session) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("kind", "MINOR_CASE", "title", "дело"));
        if (session != null) {
            body.put("sessionId", session);
        }
        return AuthorizedRequests.post(token, "/api/v1/commissions/" + commission + "/agenda-items", null, body).statusCode(201)
                .extract().path("id");
    }

    private long count(String sql) throws Exception {
        try (Connection conn = dataSource.getConnection(); Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> ids(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection conn = dataSource.getConnection(); Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
