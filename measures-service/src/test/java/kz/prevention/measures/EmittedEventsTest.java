package kz.prevention.measures;

import static kz.prevention.measures.support.MeasuresApi.ALMATY;
import static kz.prevention.measures.support.MeasuresApi.ALMATY_DISTRICT;
import static kz.prevention.measures.support.MeasuresApi.assigned;
import static kz.prevention.measures.support.MeasuresApi.completion;
import static kz.prevention.measures.support.MeasuresApi.etag;
import static kz.prevention.measures.support.MeasuresApi.executor;
import static kz.prevention.measures.support.MeasuresApi.measure;
import static kz.prevention.testing.TestTokens.officer;
import static kz.prevention.measures.support.MeasuresApi.planOf;
import static kz.prevention.testing.AuthorizedRequests.post;
import static kz.prevention.measures.support.MeasuresApi.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.eventing.catalog.EventCatalog;
import kz.prevention.measures.support.MeasuresApi;
import kz.prevention.measures.support.MeasuresApi.Entry;
import kz.prevention.testing.AuthorizedRequests;
import kz.prevention.testing.TestTokens;
import kz.prevention.testing.TestKafka;

/**
 * What really reaches Kafka for a plan's and a measure's life: CloudEvents of types the catalog
 * lists, data valid against their schemas, versions 1, 2, 3, ... — and no personal text.
 */
@QuarkusTest
class EmittedEventsTest {

    @Inject
    EventCatalog catalog;

    @Test
    void aPlanAndItsMeasuresArePublishedAsValidOrderedEvents() {
        Entry entry = new Entry(ALMATY_DISTRICT, false);
        entry.register();
        String plan = planOf(entry);
        String done = assigned(officer(ALMATY), plan, measure("SOCIAL_REHABILITATION", "SOCIAL", today().plusDays(30)));
        String social = executor("SOCIAL", ALMATY);
        post(social, "/api/v1/measures/" + done + "/start", etag(social, done), "{}").statusCode(200);
        post(social, "/api/v1/measures/" + done + "/completion", etag(social, done), completion()).statusCode(200);
        String withdrawn = assigned(officer(ALMATY), plan, measure("PREVENTIVE_CONVERSATION", "POLICE", today().plusDays(3)));
        post(officer(ALMATY), "/api/v1/measures/" + withdrawn + "/cancellation", etag(officer(ALMATY), withdrawn),
                Map.of("note", "не требуется")).statusCode(200);
        entry.remove();

        List<JsonNode> planEvents = eventsOf("prevention.measures.plans", plan, 2);
        List<JsonNode> doneEvents = eventsOf("prevention.measures.measures", done, 3);
        List<JsonNode> withdrawnEvents = eventsOf("prevention.measures.measures", withdrawn, 2);

        assertThat(types(planEvents)).containsExactly("plan.opened", "plan.closed");
        assertThat(types(doneEvents)).containsExactly("measure.assigned", "measure.started", "measure.completed");
        assertThat(types(withdrawnEvents)).containsExactly("measure.assigned", "measure.cancelled");
        for (List<JsonNode> stream : List.of(planEvents, doneEvents, withdrawnEvents)) {
            assertThat(stream).extracting(e -> e.path("aggregateversion").asLong())
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, stream.size()).boxed().toList());
            for (JsonNode e : stream) {
                assertThat(e.path("source").asText()).isEqualTo("/measures-service");
                catalog.requireValid(e.path("type").asText(), e.path("data"));
                assertThat(e.path("data").toString()).doesNotContain("Проведено", "Жумабаева", "не требуется");
            }
        }
        assertThat(doneEvents.get(2).at("/data/onTime").asBoolean()).isTrue();
        assertThat(planEvents.get(1).at("/data/cancelledMeasures").asInt()).isZero();
    }

    /** Completed names the commission's instruction, as assigned does: consumers need not keep the link. */
    @Test
    void aMeasureMadeOfAnInstructionNamesItWhenCompleted() {
        Entry child = new Entry(ALMATY_DISTRICT, true);
        child.register();
        planOf(child);
        java.util.UUID decision = MeasuresApi.decide(ALMATY_DISTRICT, List.of(MeasuresApi.instruction("7", child.id,
                "PEDAGOGICAL_ESCORT", "EDUCATION", today().plusDays(60)))).id();
        String measureId = await().atMost(Duration.ofSeconds(20)).until(() -> AuthorizedRequests.get(TestTokens.supervisor(),
                "/api/v1/decisions/" + decision + "/instructions").statusCode(200).extract().<String>path("[0].measureId"),
                id -> id != null);
        // A decision names an agency, not an organisation: no executor sees the measure until a planner routes it.
        String school = executor("EDUCATION", ALMATY);
        AuthorizedRequests.get(school, "/api/v1/measures/" + measureId).statusCode(404);
        String planner = TestTokens.juvenile(ALMATY);
        AuthorizedRequests.patch(planner, "/api/v1/measures/" + measureId, etag(planner, measureId),
                Map.of("organisation", MeasuresApi.ORGANISATIONS.get("EDUCATION"))).statusCode(200);
        post(school, "/api/v1/measures/" + measureId + "/start", etag(school, measureId), "{}").statusCode(200);
        post(school, "/api/v1/measures/" + measureId + "/completion", etag(school, measureId), completion()).statusCode(200);

        List<JsonNode> events = eventsOf("prevention.measures.measures", measureId, 4);
        assertThat(types(events)).containsExactly("measure.assigned", "measure.updated", "measure.started",
                "measure.completed");
        for (JsonNode e : List.of(events.get(0), events.get(3))) {
            assertThat(e.at("/data/decisionId").asText()).isEqualTo(decision.toString());
            assertThat(e.at("/data/instructionId").asText()).isEqualTo("7");
            catalog.requireValid(e.path("type").asText(), e.path("data"));
        }
    }

    private static List<JsonNode> eventsOf(String topic, String subject, int atLeast) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> TestKafka.events(topic, subject), l -> l.size() >= atLeast);
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.path("type").asText().replace("kz.prevention.measures.", "").replaceAll("\\.v[0-9]+$", ""))
                .toList();
    }
}
