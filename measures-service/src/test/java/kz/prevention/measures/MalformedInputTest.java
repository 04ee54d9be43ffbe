package kz.prevention.measures;

import static io.restassured.RestAssured.given;
import static kz.prevention.measures.support.MeasuresApi.ALMATY;
import static kz.prevention.measures.support.MeasuresApi.ALMATY_DISTRICT;
import static kz.prevention.measures.support.MeasuresApi.assigned;
import static kz.prevention.measures.support.MeasuresApi.measure;
import static kz.prevention.measures.support.MeasuresApi.planOf;
import static kz.prevention.measures.support.MeasuresApi.today;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.measures.support.MeasuresApi.Entry;
import kz.prevention.testing.RequestFuzzer;
import kz.prevention.testing.TestTokens;

/**
 * 1,000 generated malformed requests against every writing endpoint and both lists: not one
 * answer is a 5xx, every error is problem+json, and whatever was created is whole — its event
 * in the outbox and its audit row.
 */
@QuarkusTest
class MalformedInputTest {

    private static final int REQUESTS = 1000;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper mapper;

    /** Plans for adults in Almaty and works the police's queue: every endpoint is reachable with one token. */
    private final String token = TestTokens.user("officer-executor.almaty").roles("registry-officer", "measures-executor")
            .agency("POLICE").region(ALMATY).sign();

    @Test
    void malformedRequestsNeverGet5xxAlwaysGetProblemsAndLeaveNoPartialRows() throws Exception {
        Entry entry = new Entry(ALMATY_DISTRICT, false);
        entry.register();
        String plan = planOf(entry);
        String m = assigned(token, plan, measure("PREVENTIVE_CONVERSATION", "POLICE", today().plusDays(5)));
        long before = count("SELECT (SELECT count(*) FROM measure) + (SELECT count(*) FROM prevention_plan WHERE kind = 'GENERAL')");
        RequestFuzzer fuzz = new RequestFuzzer(20261126L, mapper);

        RequestFuzzer.Report report = fuzz.run(REQUESTS, () -> given().auth().oauth2(token), i -> generate(fuzz, i, plan, m));

        System.out.println("measures malformed-input statuses over " + REQUESTS + " requests: " + report.statuses());
        assertThat(report.failures()).as("responses that broke the contract").isEmpty();
        assertThat(count("SELECT (SELECT count(*) FROM measure) + (SELECT count(*) FROM prevention_plan WHERE kind = 'GENERAL')")
                - before).as("measures and general plans created").isEqualTo(report.created());
        assertThat(announced("prevention.measures.measures", "kz.prevention.measures.measure.assigned.v1"))
                .as("every measure's event is on the topic").containsAll(ids("SELECT id::text FROM measure"));
        // A measure a caller assigned is audited as CREATE under their name; one a commission's decision
        // assigned (through the consumer, created_by 'commission:<number>') as SYSTEM.
        assertThat(count("SELECT count(*) FROM measure x WHERE NOT EXISTS (SELECT 1 FROM audit_log a"
                + " WHERE a.resource_id = x.id::text AND a.action = CASE WHEN x.created_by = 'system'"
                + " OR x.created_by LIKE 'commission:%' THEN 'SYSTEM' ELSE 'CREATE' END)"))
                .as("measures without an audit row of their creation").isZero();
        assertThat(announced("prevention.measures.plans", "kz.prevention.measures.plan.opened.v2"))
                .as("every plan's event is on the topic").containsAll(ids("SELECT id::text FROM prevention_plan"));
    }

    private RequestFuzzer.Attempt generate(RequestFuzzer fuzz, int i, String plan, String m) {
        String measures = "/api/v1/plans/" + plan + "/measures";
        String one = "/api/v1/measures/" + m;
        return switch (i % 12) {
            case 0 -> fuzz.raw("POST", measures, fuzz.broken(measureBody()));
            case 1, 2, 3 -> fuzz.json("POST", measures, fuzz.mutate(measureBody()), null);
            case 4 -> fuzz.json("POST", "/api/v1/plans", fuzz.mutate(generalPlanBody()), null);
            case 5 -> fuzz.json("PATCH", one, fuzz.mutate(new LinkedHashMap<>(Map.of("responsiblePerson", "x",
                    "dueDate", today().plusDays(9).toString()))), fuzz.pick(new String[] {"\"0\"", "garbage", "", "W/\"x\"", "*"}));
            case 6 -> fuzz.json("POST", one + "/completion", fuzz.mutate(new LinkedHashMap<>(Map.of("result", "x",
                    "evidenceRef", "y", "completedOn", today().toString()))), "\"999\"");
            case 7 -> fuzz.json("POST", one + fuzz.pick(new String[] {"/start", "/cancellation"}),
                    fuzz.mutate(new LinkedHashMap<>(Map.of("startedOn", today().toString(), "note", "z"))), "\"999\"");
            case 8 -> fuzz.query("/api/v1/plans", new String[] {"page=-1", "size=0", "size=100000", "status=FOO", "kind=BAR",
                    "entryId=abc", "personId=" + "7".repeat(40), "region=abc", "region=" + "7".repeat(9),
                    "decisionId=%00", "page=99999999999", "region='or'1'='1"});
            case 9 -> fuzz.query("/api/v1/assignments", new String[] {"status=DONEISH", "dueFrom=2026-02-30", "dueTo=yesterday",
                    "overdue=maybe", "size=-3", "page=x", "dueFrom=9999-12-31", "dueTo=0001-01-01", "overdue=true"});
            case 10 -> fuzz.headers(measures, measureBody());
            default -> fuzz.json("POST", "/api/v1/plans/" + fuzz.pick(new String[] {"not-a-uuid", UUID.randomUUID().toString(),
                    "%2e%2e", "00000000-0000-0000-0000-000000000000"}) + "/measures", fuzz.mutate(measureBody()), null);
        };
    }

    private static Map<String, Object> measureBody() {
        return new LinkedHashMap<>(Map.of("type", "PREVENTIVE_CONVERSATION", "executingAgency", "POLICE",
                "responsiblePerson", "Сапаров А. К.", "startDate", today().toString(), "dueDate", today().plusDays(3).toString()));
    }

    private static Map<String, Object> generalPlanBody() {
        return new LinkedHashMap<>(Map.of("generalKind", "PUBLIC_PLACES", "title", "Программа", "region", ALMATY_DISTRICT));
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private java.util.List<String> announced(String topic, String type) {
        return kz.prevention.testing.PublishedEvents.on(topic, dataSource).stream()
                .filter(e -> e.path("type").asText().equals(type)).map(e -> e.path("subject").asText()).toList();
    }

    private java.util.List<String> ids(String sql) throws Exception {
        java.util.List<String> out = new java.util.ArrayList<>();
        try (var c = dataSource.getConnection(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
