package kz.prevention.commission.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.response.ValidatableResponse;
import kz.prevention.commission.support.CommissionApi.Built;
import kz.prevention.testing.AuthorizedRequests;

/** A sitting of a built commission held today: its session, items, attendance, votes and decisions. */
public final class Sitting {

    public final Built commission;
    public final String session;

    private Sitting(Built commission, String session) {
        this.commission = commission;
        this.session = session;
    }

    public static Sitting today(Built c) {
        String session = AuthorizedRequests.post(c.secretaryToken(), "/api/v1/commissions/" + c.id() + "/sessions", null,
                Map.of("date", CommissionApi.today().toString(), "place", "Акимат района, зал заседаний")).statusCode(201).extract().path("id");
        return new Sitting(c, session);
    }

    /** An item put straight onto this session's agenda. */
    public String item(String kind) {
        return AuthorizedRequests.post(commission.secretaryToken(), "/api/v1/commissions/" + commission.id() + "/agenda-items",
                null, Map.of("kind", kind, "title", "Вопрос " + kind, "sessionId", session)).statusCode(201).extract().path("id");
    }

    /** Accepts a proposed item (e.g. one an event proposed) into this session. */
    public void accept(String item) {
        AuthorizedRequests.post(commission.secretaryToken(), "/api/v1/agenda-items/" + item + "/acceptance", null,
                Map.of("sessionId", session, "reason", "материалы полные")).statusCode(200);
    }

    /** Records the first {@code n} members (the chair first) present. */
    public ValidatableResponse present(int n) {
        List<String> ids = commission.members().subList(0, n).stream().map(u -> commission.memberIds().get(u)).toList();
        return io.restassured.RestAssured.given().auth().oauth2(commission.secretaryToken()).contentType("application/json")
                .body(Map.of("present", ids)).put("/api/v1/sessions/" + session + "/attendance").then();
    }

    public ValidatableResponse vote(String username, String item, String choice) {
        return AuthorizedRequests.post(CommissionApi.member(username), "/api/v1/agenda-items/" + item + "/votes", null, Map.of("choice", choice));
    }

    public String member(int i) {
        return commission.members().get(i);
    }

    public static Map<String, Object> instruction(String agency, String type, UUID entryId, int dueInDays) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("executingAgency", agency);
        m.put("measureType", type);
        m.put("content", "Организовать и доложить комиссии — ә ғ қ ң ө ұ ү һ і");
        m.put("dueDate", CommissionApi.today().plusDays(dueInDays).toString());
        if (entryId != null) {
            m.put("entryId", entryId.toString());
        }
        return m;
    }

    public ValidatableResponse draft(String item, String text, List<Map<String, Object>> instructions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        body.put("legalBasis", "ст. 79 Закона РК «О профилактике правонарушений»");
        body.put("instructions", instructions);
        return AuthorizedRequests.post(commission.secretaryToken(), "/api/v1/agenda-items/" + item + "/decision", null, body);
    }

    public ValidatableResponse signOff(String username) {
        return AuthorizedRequests.post(CommissionApi.member(username), "/api/v1/sessions/" + session + "/sign-off", null, Map.of());
    }
}
