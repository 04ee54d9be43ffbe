package kz.prevention.measures;

import static kz.prevention.measures.support.MeasuresApi.ALMATY;
import static kz.prevention.measures.support.MeasuresApi.ALMATY_DISTRICT;
import static kz.prevention.measures.support.MeasuresApi.OTHER_SCHOOL;
import static kz.prevention.measures.support.MeasuresApi.assign;
import static kz.prevention.measures.support.MeasuresApi.assigned;
import static kz.prevention.measures.support.MeasuresApi.etag;
import static kz.prevention.measures.support.MeasuresApi.executor;
import static kz.prevention.measures.support.MeasuresApi.measure;
import static kz.prevention.measures.support.MeasuresApi.planOf;
import static kz.prevention.measures.support.MeasuresApi.today;
import static kz.prevention.testing.AuthorizedRequests.get;
import static kz.prevention.testing.AuthorizedRequests.patch;
import static kz.prevention.testing.AuthorizedRequests.post;
import static kz.prevention.testing.TestTokens.juvenile;
import static kz.prevention.testing.TestTokens.officer;
import static kz.prevention.testing.TestTokens.supervisor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.measures.support.MeasuresApi.Entry;
import kz.prevention.measures.support.Registry;
import kz.prevention.testing.TestTokens;

/**
 * Issue 10: a measure goes to one organisation (BIN) of its executing agency, and only that
 * organisation's executors see it — not every school of the city — and they get a minimal, audited
 * summary of the person (name, age, what to do, by when) from the registry.
 */
@QuarkusTest
class OrganisationScopeTest {

    private static final String SCHOOL = "990540004566";

    @Test
    void theOrganisationMustBeOneOfTheAgencysServingThePlansTerritoryInForceToday() {
        String plan = childPlan();
        String juvenile = juvenile(ALMATY);

        Map<String, Object> none = escort();
        none.remove("organisation");
        assign(juvenile, plan, none).statusCode(400).body("errors.field", hasItem("organisation"));
        assign(juvenile, plan, escort("99054000456")).statusCode(400).body("errors.field", hasItem("organisation"));
        // The clinic's BIN is valid, but it is a HEALTH organisation, not an EDUCATION one.
        assign(juvenile, plan, escort("050640003212")).statusCode(422).body("errors[0].field", equalTo("organisation"))
                .body("errors[0].message", containsString("HEALTH"));
        // Astana's education department does not serve Almaty's Bostandyk district.
        assign(juvenile, plan, escort("120340004681")).statusCode(422).body("errors[0].field", equalTo("organisation"))
                .body("errors[0].message", containsString("does not cover"));
        // School No. 44 was reorganised on 30 June 2026: not in force on the day of assignment.
        assign(juvenile, plan, escort("061040004570")).statusCode(422).body("errors[0].field", equalTo("organisation"));
        // A valid BIN the catalog does not hold.
        assign(juvenile, plan, escort("150240006799")).statusCode(422).contentType("application/problem+json")
                .body("detail", not(containsString("150240006799")));
        assign(juvenile, plan, escort(OTHER_SCHOOL)).statusCode(201).body("organisation", equalTo(OTHER_SCHOOL));
    }

    @Test
    void anotherOrganisationOfTheSameAgencyAndTerritoryNeverLearnsTheMeasureExists() {
        String plan = childPlan();
        String m = assigned(juvenile(ALMATY), plan, escort());
        String school = executor("EDUCATION", ALMATY);
        String otherSchool = TestTokens.executor("EDUCATION", ALMATY, OTHER_SCHOOL);
        String noOrganisation = TestTokens.executor("EDUCATION", ALMATY);

        get(school, "/api/v1/measures/" + m).statusCode(200).body("organisation", equalTo(SCHOOL));
        assertThat(queue(school)).contains(m);
        for (String stranger : List.of(otherSchool, noOrganisation)) {
            get(stranger, "/api/v1/measures/" + m).statusCode(404);
            get(stranger, "/api/v1/measures/" + m + "/history").statusCode(404);
            get(stranger, "/api/v1/measures/" + m + "/summary").statusCode(404);
            post(stranger, "/api/v1/measures/" + m + "/start", "\"0\"", "{}").statusCode(404);
        }
        assertThat(queue(otherSchool)).doesNotContain(m);
        get(noOrganisation, "/api/v1/assignments").statusCode(403).body("detail", containsString("organisation"));
    }

    @Test
    void aPlannerRoutesAMeasureToAnotherOrganisationAndOnlyThatOneSeesItThen() {
        String plan = childPlan();
        String m = assigned(juvenile(ALMATY), plan, escort());
        String otherSchool = TestTokens.executor("EDUCATION", ALMATY, OTHER_SCHOOL);

        patch(juvenile(ALMATY), "/api/v1/measures/" + m, etag(juvenile(ALMATY), m), Map.of("organisation", "120340004681"))
                .statusCode(422).body("errors[0].field", equalTo("organisation"));
        patch(juvenile(ALMATY), "/api/v1/measures/" + m, etag(juvenile(ALMATY), m), Map.of("organisation", OTHER_SCHOOL))
                .statusCode(200).body("organisation", equalTo(OTHER_SCHOOL));

        get(otherSchool, "/api/v1/measures/" + m).statusCode(200);
        get(executor("EDUCATION", ALMATY), "/api/v1/measures/" + m).statusCode(404);
        get(juvenile(ALMATY), "/api/v1/measures/" + m + "/history").statusCode(200)
                .body("find { it.action == 'UPDATED' }.changes.organisation.to", equalTo(OTHER_SCHOOL));
    }

    @Test
    void theAssignedOrganisationGetsNameAgeWhatToDoAndByWhenAndBothReadsAreAudited() {
        Entry child = new Entry(ALMATY_DISTRICT, true);
        child.register();
        String m = assigned(juvenile(ALMATY), planOf(child), escort());
        Registry.knows(child.personId, "Сейткали Арман Болатович", 15);
        String school = executor("EDUCATION", ALMATY);

        get(school, "/api/v1/measures/" + m + "/summary").statusCode(200)
                .body("name", equalTo("Сейткали Арман Болатович")).body("age", equalTo(15))
                .body("measureType", equalTo("PEDAGOGICAL_ESCORT")).body("measureTypeNames.ru", containsString("сопровожд"))
                .body("instructions", equalTo("Еженедельные занятия с социальным педагогом"))
                .body("dueDate", equalTo(today().plusDays(90).toString())).body("organisation", equalTo(SCHOOL))
                .body("birthDate", nullValue()).body("personId", nullValue());

        List<String[]> asked = Registry.requestsAbout(child.personId);
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0)[0]).isEqualTo(SCHOOL);
        assertThat(asked.get(0)[1]).as("the service's own token, not the executor's").startsWith("Bearer svc-token-");
        assertThat(asked.get(0)[2]).contains(m);
        get(supervisor(), "/api/v1/audit?personId=" + child.personId + "&resourceType=measure-person-summary").statusCode(200)
                .body("items[0].action", equalTo("READ")).body("items[0].actor", equalTo("executor." + SCHOOL + "." + ALMATY))
                .body("items[0].details", containsString("for organisation " + SCHOOL));
    }

    @Test
    void theSummaryIsTheAssignedOrganisationsOnlyAndSaysNothingWhenTheRegistryHasNoActiveEntry() {
        Entry child = new Entry(ALMATY_DISTRICT, true);
        child.register();
        String m = assigned(juvenile(ALMATY), planOf(child), escort());
        String summary = "/api/v1/measures/" + m + "/summary";

        // The planners and the supervisor see the measure, but read the registry itself.
        get(juvenile(ALMATY), summary).statusCode(403);
        get(supervisor(), summary).statusCode(403);
        Registry.answers(child.personId, "GONE");
        get(executor("EDUCATION", ALMATY), summary).statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("no active entry"));
        Registry.answers(child.personId, "DOWN");
        get(executor("EDUCATION", ALMATY), summary).statusCode(503).contentType("application/problem+json");
    }

    @Test
    void aPersonWhoMovesOutOfTheOrganisationsTerritoryLeavesItsViewUntilAPlannerRoutesTheMeasureAnew() {
        Entry child = new Entry(ALMATY_DISTRICT, true);
        child.register();
        String plan = planOf(child);
        String m = assigned(juvenile(ALMATY), plan, escort());
        // The Bostandyk school's executor is scoped to the whole city: its token alone would still cover the new home.
        String school = executor("EDUCATION", ALMATY);
        get(school, "/api/v1/measures/" + m).statusCode(200);

        String auezov = "751210000";
        child.transfer(auezov);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(juvenile(ALMATY), "/api/v1/measures/" + m)
                .statusCode(200).body("region", equalTo(auezov)));

        get(school, "/api/v1/measures/" + m).statusCode(404);
        get(school, "/api/v1/measures/" + m + "/summary").statusCode(404);
        assertThat(queue(school)).doesNotContain(m);
        // The school does not serve the new district, so it cannot be routed there either.
        patch(juvenile(ALMATY), "/api/v1/measures/" + m, etag(juvenile(ALMATY), m), Map.of("organisation", SCHOOL))
                .statusCode(422).body("errors[0].field", equalTo("organisation"));
    }

    private static String childPlan() {
        Entry child = new Entry(ALMATY_DISTRICT, true);
        child.register();
        return planOf(child);
    }

    private static Map<String, Object> escort() {
        Map<String, Object> body = measure("PEDAGOGICAL_ESCORT", "EDUCATION", today().plusDays(90));
        body.put("instructions", "Еженедельные занятия с социальным педагогом");
        return body;
    }

    private static Map<String, Object> escort(String organisation) {
        Map<String, Object> body = escort();
        body.put("organisation", organisation);
        return body;
    }

    private static List<String> queue(String token) {
        return get(token, "/api/v1/assignments?size=100").statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }
}
