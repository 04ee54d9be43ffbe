package kz.prevention.measures;

import static io.restassured.RestAssured.given;
import static kz.prevention.measures.support.MeasuresApi.ALMATY;
import static kz.prevention.measures.support.MeasuresApi.ALMATY_DISTRICT;
import static kz.prevention.measures.support.MeasuresApi.assign;
import static kz.prevention.measures.support.MeasuresApi.measure;
import static kz.prevention.testing.TestTokens.officer;
import static kz.prevention.measures.support.MeasuresApi.planOf;
import static kz.prevention.measures.support.MeasuresApi.today;
import static kz.prevention.testing.AuthorizedRequests.get;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.measures.support.MeasuresApi;
import kz.prevention.reference.ReferenceCatalogs;
import io.restassured.http.ContentType;
import kz.prevention.measures.support.MeasuresApi.Entry;

/** A measure goes only to a subject the law lets apply it, in the right kind of plan, for a lawful term. */
@QuarkusTest
class AssignmentRuleTest {

    private final String officer = officer(ALMATY);
    @Inject
    ReferenceCatalogs catalogs;
    private String adultPlan;

    @BeforeEach
    void anAdultsPlan() {
        Entry entry = new Entry(ALMATY_DISTRICT, false);
        entry.register();
        adultPlan = planOf(entry);
    }

    @Test
    void aProtectiveOrderIsAssignedToThePoliceNotToASchool() {
        assign(officer, adultPlan, measure("PROTECTIVE_ORDER", "EDUCATION", null)).statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("urn:prevention:problem:unprocessable"))
                .body("errors.field", hasItem("executingAgency")).body("detail", containsString("POLICE"));

        assign(officer, adultPlan, measure("PROTECTIVE_ORDER", "POLICE", null)).statusCode(201)
                .header("Location", containsString("/api/v1/measures/")).header("ETag", equalTo("\"0\""))
                .body("status", equalTo("PLANNED")).body("dueDate", equalTo(today().plusDays(30).toString()))
                .body("typeNames.ru", equalTo("Защитное предписание"));
    }

    /**
     * The catalog is dated data (issue 10): an amendment of individual-measures dated tomorrow — a protective
     * order may last 45 days instead of 30 — leaves a measure starting today under the old rule, checked by
     * it and recording it, and puts one starting tomorrow under the new.
     */
    @Test
    void aTermAmendedFromTomorrowLeavesMeasuresStartingTodayUnderTheOldRule() {
        java.time.LocalDate tomorrow = today().plusDays(1);
        QuarkusMock.installMockForType(catalogs.with(catalogs.get(ReferenceCatalogs.INDIVIDUAL_MEASURES)
                .amended("PROTECTIVE_ORDER", tomorrow, "maxTermDays", 45)), ReferenceCatalogs.class);

        assign(officer, adultPlan, startingOn(measure("PROTECTIVE_ORDER", "POLICE", today().plusDays(45)), today()))
                .statusCode(422).body("errors.field", hasItem("dueDate"));
        assign(officer, adultPlan, startingOn(measure("PROTECTIVE_ORDER", "POLICE", today().plusDays(30)), today()))
                .statusCode(201).body("typeRule", equalTo("amended/2026-03-02"));
        assign(officer, adultPlan, startingOn(measure("PROTECTIVE_ORDER", "POLICE", tomorrow.plusDays(45)), tomorrow))
                .statusCode(201).body("typeRule", equalTo("amended/" + tomorrow));
    }

    @Test
    void aMeasureRecordsTheCatalogVersionItWasDecidedUnder() {
        assign(officer, adultPlan, measure("PROTECTIVE_ORDER", "POLICE", null)).statusCode(201)
                .body("typeRule", equalTo(catalogs.get(ReferenceCatalogs.INDIVIDUAL_MEASURES).version() + "/2026-03-02"));
    }

    private static Map<String, Object> startingOn(Map<String, Object> measure, java.time.LocalDate start) {
        measure.put("startDate", start.toString());
        return measure;
    }

    @Test
    void unknownTypesAndAgenciesAreRefusedNamingTheField() {
        assign(officer, adultPlan, measure("HOUSE_ARREST", "POLICE", today().plusDays(3))).statusCode(400)
                .body("errors.field", hasItem("type"));
        Map<String, Object> fbi = measure("PREVENTIVE_CONVERSATION", "FBI", today().plusDays(3));
        fbi.put("organisation", MeasuresApi.ORGANISATIONS.get("POLICE"));
        assign(officer, adultPlan, fbi).statusCode(400).body("errors.field", hasItem("executingAgency"));
    }

    @Test
    void aTermLongerThanTheCatalogAllowsIsRefused() {
        assign(officer, adultPlan, measure("PROTECTIVE_ORDER", "POLICE", today().plusDays(31))).statusCode(422)
                .body("errors.field", hasItem("dueDate"));
    }

    @Test
    void aDueDateBeforeTheStartOrMissingWithoutACatalogDefaultIsRefused() {
        assign(officer, adultPlan, measure("PREVENTIVE_CONVERSATION", "POLICE", today().minusDays(1))).statusCode(400)
                .body("errors.field", hasItem("dueDate"));
        assign(officer, adultPlan, measure("PREVENTIVE_CONVERSATION", "POLICE", null)).statusCode(400)
                .body("detail", containsString("no default term"));
    }

    @Test
    void minorsOnlyMeasuresAreRefusedForAnAdult() {
        assign(officer, adultPlan, measure("PEDAGOGICAL_ESCORT", "EDUCATION", today().plusDays(90))).statusCode(422)
                .body("detail", containsString("minors only"));
    }

    @Test
    void generalKindsGoToGeneralPlansAndIndividualMeasuresToPersonsPlans() {
        String general = given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("generalKind", "DOMESTIC_VIOLENCE", "title", "Программа 2027", "region", ALMATY_DISTRICT))
                .when().post("/api/v1/plans").then().statusCode(201).body("kind", equalTo("GENERAL")).extract().path("id");

        assign(officer, general, measure("PROTECTIVE_ORDER", "POLICE", null)).statusCode(422).body("errors.field", hasItem("type"));
        assign(officer, adultPlan, measure("LEGAL_EDUCATION", "JUSTICE", today().plusDays(60))).statusCode(422);
        assign(officer, general, measure("LEGAL_EDUCATION", "JUSTICE", today().plusDays(60))).statusCode(201)
                .body("typeKind", equalTo("GENERAL"));
    }

    @Test
    void aGeneralPlanOutsideTheCallersTerritoryIsForbidden() {
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("generalKind", "DOMESTIC_VIOLENCE", "title", "x", "region", "711210000"))
                .when().post("/api/v1/plans").then().statusCode(403).body("errors.field", hasItem("region"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstMeasure() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = measure("PREVENTIVE_CONVERSATION", "POLICE", today().plusDays(3));
        String first = given().auth().oauth2(officer).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/plans/" + adultPlan + "/measures").then().statusCode(201).extract().path("id");

        given().auth().oauth2(officer).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/plans/" + adultPlan + "/measures").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
        given().auth().oauth2(officer).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(measure("PREVENTIVE_CONVERSATION", "POLICE", today().plusDays(4)))
                .post("/api/v1/plans/" + adultPlan + "/measures").then().statusCode(422);
        get(officer, "/api/v1/plans/" + adultPlan).body("measures.size()", equalTo(1));
    }
}
