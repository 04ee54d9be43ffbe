package kz.prevention.measures;

import static io.restassured.RestAssured.given;
import static kz.prevention.measures.support.MeasuresApi.ALMATY;
import static kz.prevention.measures.support.MeasuresApi.ALMATY_DISTRICT;
import static kz.prevention.measures.support.MeasuresApi.ASTANA;
import static kz.prevention.measures.support.MeasuresApi.assign;
import static kz.prevention.measures.support.MeasuresApi.assigned;
import static kz.prevention.testing.AuthorizedRequests.get;
import static kz.prevention.measures.support.MeasuresApi.measure;
import static kz.prevention.testing.TestTokens.officer;
import static kz.prevention.measures.support.MeasuresApi.planOf;
import static kz.prevention.testing.TestTokens.role;
import static kz.prevention.testing.TestTokens.supervisor;
import static kz.prevention.measures.support.MeasuresApi.today;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import kz.prevention.measures.support.MeasuresApi.Entry;

/** Roles and territories decide who sees what; careless or hostile input gets a problem, never a 500. */
@QuarkusTest
class AccessAndInputTest {

    private String plan;
    private String measure;

    @BeforeEach
    void anAlmatyPlanWithAMeasure() {
        Entry entry = new Entry(ALMATY_DISTRICT, false);
        entry.register();
        plan = planOf(entry);
        measure = assigned(officer(ALMATY), plan, measure("PREVENTIVE_CONVERSATION", "POLICE", today().plusDays(3)));
    }

    @Test
    void anotherTerritorysOfficerSeesNothingAndCannotAssign() {
        get(officer(ASTANA), "/api/v1/plans/" + plan).statusCode(404);
        get(officer(ASTANA), "/api/v1/measures/" + measure).statusCode(404);
        assign(officer(ASTANA), plan, measure("PREVENTIVE_CONVERSATION", "POLICE", today().plusDays(3))).statusCode(404);
        get(officer(ASTANA), "/api/v1/plans?region=" + ALMATY).statusCode(403);
    }

    @Test
    void theSupervisorReadsEverythingAndChangesNothing() {
        get(supervisor(), "/api/v1/plans/" + plan).statusCode(200).body("measures.size()", equalTo(1));
        get(supervisor(), "/api/v1/plans?size=100").statusCode(200).body("total", greaterThanOrEqualTo(1));
        assign(supervisor(), plan, measure("PREVENTIVE_CONVERSATION", "POLICE", today().plusDays(3))).statusCode(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"analyst", "commission-secretary", "commission-member", "platform-admin"})
    void otherRolesSeeNoPlansOrMeasures(String role) {
        get(role(role, ALMATY), "/api/v1/plans/" + plan).statusCode(403);
        get(role(role, ALMATY), "/api/v1/plans").statusCode(403);
        get(role(role, ALMATY), "/api/v1/measures/" + measure).statusCode(403);
        get(role(role, ALMATY), "/api/v1/assignments").statusCode(403);
    }

    @Test
    void withoutATokenEverythingIs401() {
        given().when().get("/api/v1/plans/" + plan).then().statusCode(401).contentType("application/problem+json");
        given().when().get("/api/v1/assignments").then().statusCode(401);
    }

    @Test
    void readingAPlanIsAuditedForTheSupervisor() {
        get(officer(ALMATY), "/api/v1/plans/" + plan).statusCode(200);

        get(supervisor(), "/api/v1/audit?resourceType=plan&resourceId=" + plan).statusCode(200)
                .body("items.action", hasItem("READ")).body("items.actor", hasItem("officer." + ALMATY));
        get(supervisor(), "/api/v1/audit/verify").statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void malformedRequestsAreProblemsAndWriteNothing() {
        List<Object> bodies = List.of("not json", "[]", "{\"type\": 5}", "{\"type\":\"PREVENTIVE_CONVERSATION\","
                + "\"executingAgency\":\"POLICE\",\"dueDate\":\"2026-02-30\"}", "{\"type\":\"PREVENTIVE_CONVERSATION\","
                + "\"executingAgency\":\"POLICE\",\"dueDate\":\"" + today().plusDays(3) + "\",\"surprise\":1}",
                Map.of("type", "PREVENTIVE_CONVERSATION", "executingAgency", "POLICE", "dueDate", today().plusDays(3).toString(),
                        "responsiblePerson", "x".repeat(201)),
                Map.of("type", "PREVENTIVE_CONVERSATION\u0000", "executingAgency", "POLICE"), "{}", "null");
        for (Object body : bodies) {
            given().auth().oauth2(officer(ALMATY)).contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/plans/" + plan + "/measures")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(officer(ALMATY)).when().get("/api/v1/plans/not-a-uuid").then().statusCode(404);
        given().auth().oauth2(officer(ALMATY)).when().get("/api/v1/plans?status=MAYBE").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(officer(ALMATY)).contentType("text/plain").body("x")
                .when().post("/api/v1/plans/" + plan + "/measures").then().statusCode(415);
        get(officer(ALMATY), "/api/v1/plans/" + plan).body("measures.size()", equalTo(1));
    }
}
