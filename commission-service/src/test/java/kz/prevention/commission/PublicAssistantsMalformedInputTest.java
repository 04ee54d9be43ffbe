package kz.prevention.commission;

import static io.restassured.RestAssured.given;
import static kz.prevention.commission.support.CommissionApi.commission;
import static kz.prevention.commission.support.CommissionApi.freshDistrict;
import static kz.prevention.commission.support.CommissionApi.today;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.commission.support.Assistants;
import kz.prevention.commission.support.CommissionApi.Built;
import kz.prevention.testing.AuthorizedRequests;
import kz.prevention.testing.RequestFuzzer;

/**
 * 400 generated malformed requests against every public-assistant endpoint (applications, the
 * registry re-check, registration, refusal, rewards, budgets and the list): not one answer is a
 * 5xx, every error is problem+json, and whatever was created is whole (its audit row). Each request
 * goes with the token of the role that may make it, so the rules behind the access check are reached.
 */
@QuarkusTest
class PublicAssistantsMalformedInputTest {

    private static final int REQUESTS = 400;
    private static final String CREATED = "SELECT (SELECT count(*) FROM public_assistant) + (SELECT count(*) FROM assistant_reward)";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper mapper;

    /** The token of the next request: chosen by the generator, which runs before the request is built. */
    private String token;

    @Test
    void malformedRequestsNeverGet5xxAlwaysGetProblemsAndLeaveNoPartialRows() throws Exception {
        String district = freshDistrict();
        Built c = commission("INTERDEPARTMENTAL", "DISTRICT", district, 1);
        String budget = "/api/v1/commissions/" + c.id() + "/assistant-budgets/" + today().getYear();
        given().auth().oauth2(c.secretaryToken()).contentType("application/json").body(budgetBody()).put(budget).then()
                .statusCode(200);
        String registered = Assistants.registered(district);
        List<String> eligible = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            eligible.add(Assistants.file(district, Assistants.application(Assistants.adultIin(), district, null)).statusCode(201)
                    .extract().path("id"));
        }
        String police = Assistants.police(district);
        String akimat = Assistants.akimat(district);
        long before = count(CREATED);
        RequestFuzzer fuzz = new RequestFuzzer(20261127L, mapper);
        String[] etags = {"\"0\"", "\"1\"", "garbage", "", "W/\"x\"", "*"};

        RequestFuzzer.Report report = fuzz.run(REQUESTS, () -> given().auth().oauth2(token), i -> {
            String a = "/api/v1/public-assistants/" + fuzz.pick(eligible.toArray(new String[0]));
            String r = "/api/v1/public-assistants/" + registered;
            return switch (i % 8) {
                case 0 -> as(police, fuzz.raw("POST", fuzz.pick(new String[] {"/api/v1/public-assistants", a + "/refusal",
                        r + "/rewards"}), fuzz.broken(Assistants.application(Assistants.adultIin(), district, null))));
                case 1 -> as(police, fuzz.json("POST", "/api/v1/public-assistants",
                        fuzz.mutate(Assistants.application(Assistants.adultIin(), district, null)), null));
                case 2 -> as(akimat, fuzz.json("POST", a + "/refusal", fuzz.mutate(new LinkedHashMap<>(Map.of("reason", "отказ"))),
                        null));
                case 3 -> as(akimat, fuzz.json("POST", r + "/rewards",
                        fuzz.mutate(new LinkedHashMap<>(Map.of("amount", 1, "reason", "помощь"))), null));
                case 4 -> as(c.secretaryToken(), fuzz.json("PUT", budget, fuzz.mutate(budgetBody()), fuzz.pick(etags)));
                case 5 -> as(akimat, fuzz.query("/api/v1/public-assistants", new String[] {"status=FOO", "status=", "status=%00",
                        "overdue=maybe", "overdue=true", "page=-1", "size=0", "size=100000", "page=99999999999", "x=1"}));
                case 6 -> as(akimat, fuzz.json("POST", fuzz.pick(new String[] {"/api/v1/public-assistants/not-a-uuid/registration",
                        "/api/v1/public-assistants/" + UUID.randomUUID() + "/registry-check", a + "/registration",
                        "/api/v1/public-assistants/%2e%2e/refusal", "/api/v1/commissions/" + c.id() + "/assistant-budgets/99999"}),
                        fuzz.mutate(new LinkedHashMap<>(Map.of("reason", "x"))), null));
                default -> as(police, fuzz.headers("/api/v1/public-assistants",
                        Assistants.application(Assistants.adultIin(), district, null)));
            };
        });

        System.out.println("public-assistant malformed-input statuses over " + REQUESTS + " requests: " + report.statuses());
        assertThat(report.failures()).as("responses that broke the contract").isEmpty();
        assertThat(count(CREATED) - before).as("records created").isEqualTo(report.created());
        for (String table : List.of("public_assistant", "assistant_reward")) {
            assertThat(count("SELECT count(*) FROM " + table + " x WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE"
                    + " a.resource_id = x.id::text AND a.action = 'CREATE')")).as(table + " rows without an audit row").isZero();
        }
        AuthorizedRequests.get(akimat, "/api/v1/public-assistants/" + registered).statusCode(200);
    }

    private RequestFuzzer.Attempt as(String who, RequestFuzzer.Attempt attempt) {
        token = who;
        return attempt;
    }

    private static Map<String, Object> budgetBody() {
        return new LinkedHashMap<>(Map.of("amount", 10_000_000, "maslikhatDecision",
                new LinkedHashMap<>(Map.of("number", "45/312", "date", "2026-01-20"))));
    }

    private long count(String sql) throws Exception {
        try (Connection conn = dataSource.getConnection(); Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
