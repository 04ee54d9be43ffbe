package kz.prevention.measures;

import static kz.prevention.measures.support.MeasuresApi.ALMATY;
import static kz.prevention.measures.support.MeasuresApi.ALMATY_DISTRICT;
import static kz.prevention.measures.support.MeasuresApi.assigned;
import static kz.prevention.measures.support.MeasuresApi.completion;
import static kz.prevention.measures.support.MeasuresApi.etag;
import static kz.prevention.measures.support.MeasuresApi.executor;
import static kz.prevention.testing.AuthorizedRequests.get;
import static kz.prevention.measures.support.MeasuresApi.measure;
import static kz.prevention.testing.TestTokens.officer;
import static kz.prevention.testing.AuthorizedRequests.patch;
import static kz.prevention.measures.support.MeasuresApi.planOf;
import static kz.prevention.testing.AuthorizedRequests.post;
import static kz.prevention.testing.TestTokens.supervisor;
import static kz.prevention.measures.support.MeasuresApi.today;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.measures.support.MeasuresApi.Entry;

/** PLANNED → IN_PROGRESS → DONE | CANCELLED, each step by whom the law expects, with If-Match. */
@QuarkusTest
class WorkflowTest {

    private final String officer = officer(ALMATY);
    private final String school = executor("EDUCATION", ALMATY);
    private String measure;

    @BeforeEach
    void aMeasureAssignedToASchool() {
        Entry entry = new Entry(ALMATY_DISTRICT, false);
        entry.register();
        measure = assigned(officer, planOf(entry), measure("SOCIAL_REHABILITATION", "EDUCATION", today().plusDays(30)));
    }

    private String path(String action) {
        return "/api/v1/measures/" + measure + action;
    }

    @Test
    void theSchoolStartsAndCompletesItsMeasureWithResultAndEvidence() {
        post(school, path("/start"), etag(school, measure), "{}").statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("startedOn", equalTo(today().toString())).header("ETag", equalTo("\"1\""));
        post(school, path("/completion"), "\"1\"", completion()).statusCode(200)
                .body("status", equalTo("DONE")).body("evidenceRef", equalTo("Протокол № 14"))
                .body("completedOn", equalTo(today().toString()));

        get(officer, path("/history")).statusCode(200).body("action", hasItems("ASSIGNED", "STARTED", "COMPLETED"));
    }

    @Test
    void completingAPlannedMeasureIsAConflict() {
        post(school, path("/completion"), etag(school, measure), completion()).statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("start it"));
    }

    @Test
    void aFinishedMeasureCannotBeStartedCancelledOrRescheduled() {
        post(school, path("/start"), etag(school, measure), "{}").statusCode(200);
        post(school, path("/completion"), etag(school, measure), completion()).statusCode(200);

        post(school, path("/start"), etag(school, measure), "{}").statusCode(409);
        post(officer, path("/cancellation"), etag(officer, measure), Map.of("note", "x")).statusCode(409);
        patch(officer, path(""), etag(officer, measure), Map.of("dueDate", today().plusDays(40).toString())).statusCode(409);
    }

    @Test
    void aCancelledMeasureCannotBeStarted() {
        post(officer, path("/cancellation"), etag(officer, measure), Map.of("note", "заменена")).statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancelReason", equalTo("WITHDRAWN"));

        post(school, path("/start"), etag(school, measure), "{}").statusCode(409);
    }

    @Test
    void aStaleIfMatchIsRefusedWith412AndAMissingOneWith428() {
        String stale = etag(school, measure);
        patch(officer, path(""), stale, Map.of("responsiblePerson", "Другой педагог")).statusCode(200);

        post(school, path("/start"), stale, "{}").statusCode(412).header("ETag", equalTo("\"1\""));
        post(school, path("/start"), null, "{}").statusCode(428);
        get(school, path("")).body("status", equalTo("PLANNED"));
    }

    @Test
    void completionWithoutEvidenceIsRefusedNamingTheField() {
        post(school, path("/start"), etag(school, measure), "{}").statusCode(200);

        post(school, path("/completion"), etag(school, measure), Map.of("result", "сделано")).statusCode(400)
                .body("errors.field", hasItem("evidenceRef"));
        post(school, path("/completion"), etag(school, measure), Map.of("result", "сделано", "evidenceRef", "x",
                "completedOn", today().plusDays(1).toString())).statusCode(400).body("errors.field", hasItem("completedOn"));
    }

    @Test
    void onlyTheExecutingAgencyReportsAndOnlyThePlannerWithdraws() {
        post(officer, path("/start"), etag(officer, measure), "{}").statusCode(403);
        post(executor("HEALTH", ALMATY), path("/start"), "\"0\"", "{}").statusCode(404);
        post(executor("EDUCATION", "710000000"), path("/start"), "\"0\"", "{}").statusCode(404);
        post(supervisor(), path("/cancellation"), "\"0\"", Map.of("note", "x")).statusCode(403);
        post(school, path("/cancellation"), "\"0\"", Map.of("note", "x")).statusCode(403);
        get(school, path("")).statusCode(200).body("status", equalTo("PLANNED"));
    }
}
