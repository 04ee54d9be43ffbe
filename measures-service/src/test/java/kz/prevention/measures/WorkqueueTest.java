package kz.prevention.measures;

import static kz.prevention.measures.support.MeasuresApi.ALMATY;
import static kz.prevention.measures.support.MeasuresApi.ALMATY_DISTRICT;
import static kz.prevention.measures.support.MeasuresApi.ASTANA;
import static kz.prevention.measures.support.MeasuresApi.assigned;
import static kz.prevention.measures.support.MeasuresApi.etag;
import static kz.prevention.measures.support.MeasuresApi.executor;
import static kz.prevention.testing.AuthorizedRequests.get;
import static kz.prevention.measures.support.MeasuresApi.measure;
import static kz.prevention.testing.TestTokens.officer;
import static kz.prevention.measures.support.MeasuresApi.planOf;
import static kz.prevention.testing.AuthorizedRequests.post;
import static kz.prevention.measures.support.MeasuresApi.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.measures.support.MeasuresApi.Entry;
import kz.prevention.testing.TestTokens;

/** Each executing agency gets its own queue, from its token's agency and region — and nobody else's. */
@QuarkusTest
class WorkqueueTest {

    @Test
    void anAgencySeesOnlyTheMeasuresAssignedToItInItsTerritory() {
        Entry entry = new Entry(ALMATY_DISTRICT, false);
        entry.register();
        String plan = planOf(entry);
        String forSchool = assigned(officer(ALMATY), plan, measure("SOCIAL_REHABILITATION", "EDUCATION", today().plusDays(20)));
        String forHealth = assigned(officer(ALMATY), plan, measure("PSYCHOLOGICAL_HELP", "HEALTH", today().plusDays(10)));

        List<String> school = queue(executor("EDUCATION", ALMATY), "");
        List<String> health = queue(executor("HEALTH", ALMATY), "");
        List<String> astanaSchool = queue(executor("EDUCATION", ASTANA), "");

        assertThat(school).contains(forSchool).doesNotContain(forHealth);
        assertThat(health).contains(forHealth).doesNotContain(forSchool);
        assertThat(astanaSchool).doesNotContain(forSchool, forHealth);
    }

    @Test
    void theQueueFiltersByStatusAndDueDate() {
        Entry entry = new Entry(ALMATY_DISTRICT, false);
        entry.register();
        String plan = planOf(entry);
        String agency = "NGO";
        String soon = assigned(officer(ALMATY), plan, measure("PSYCHOLOGICAL_HELP", agency, today().plusDays(3)));
        String later = assigned(officer(ALMATY), plan, measure("SOCIAL_REHABILITATION", agency, today().plusDays(90)));
        String ngo = executor(agency, ALMATY_DISTRICT);
        post(ngo, "/api/v1/measures/" + later + "/start", etag(ngo, later), "{}").statusCode(200);

        assertThat(queue(ngo, "?status=IN_PROGRESS")).contains(later).doesNotContain(soon);
        assertThat(queue(ngo, "?dueTo=" + today().plusDays(5))).contains(soon).doesNotContain(later);
        assertThat(queue(ngo, "?dueFrom=" + today().plusDays(5))).contains(later).doesNotContain(soon);
        get(ngo, "/api/v1/assignments?dueFrom=" + today().plusDays(5) + "&dueTo=" + today()).statusCode(400);
        get(ngo, "/api/v1/assignments?status=FINISHED").statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("status")).body("detail", org.hamcrest.Matchers.containsString("IN_PROGRESS"));
    }

    @Test
    void aQueueNeedsTheExecutorRoleAndAnAgencyClaim() {
        get(officer(ALMATY), "/api/v1/assignments").statusCode(403);
        get(TestTokens.user("no.agency").roles("measures-executor").region(ALMATY).sign(), "/api/v1/assignments")
                .statusCode(403).body("detail", org.hamcrest.Matchers.containsString("agency"));
        get(TestTokens.user("no.region").roles("measures-executor").agency("EDUCATION").sign(), "/api/v1/assignments")
                .statusCode(403);
        get(executor("EDUCATION", ALMATY), "/api/v1/assignments?size=1000").statusCode(400);
    }

    @Test
    void anExecutorReadsItsMeasureButNotThePlanAroundIt() {
        Entry entry = new Entry(ALMATY_DISTRICT, false);
        entry.register();
        String plan = planOf(entry);
        String m = assigned(officer(ALMATY), plan, measure("PSYCHOLOGICAL_HELP", "HEALTH", today().plusDays(10)));

        get(executor("HEALTH", ALMATY), "/api/v1/measures/" + m).statusCode(200).body("executingAgency", equalTo("HEALTH"));
        get(executor("HEALTH", ALMATY), "/api/v1/plans/" + plan).statusCode(403);
    }

    private static List<String> queue(String token, String query) {
        return get(token, "/api/v1/assignments" + query + (query.isEmpty() ? "?" : "&") + "size=100").statusCode(200)
                .extract().jsonPath().getList("items.id", String.class);
    }
}
