package kz.prevention.measures;

import static kz.prevention.measures.support.MeasuresApi.ALMATY;
import static kz.prevention.measures.support.MeasuresApi.ALMATY_DISTRICT;
import static kz.prevention.measures.support.MeasuresApi.assigned;
import static kz.prevention.measures.support.MeasuresApi.etag;
import static kz.prevention.measures.support.MeasuresApi.executor;
import static kz.prevention.testing.AuthorizedRequests.get;
import static kz.prevention.measures.support.MeasuresApi.measure;
import static kz.prevention.testing.TestTokens.officer;
import static kz.prevention.testing.AuthorizedRequests.patch;
import static kz.prevention.measures.support.MeasuresApi.planOf;
import static kz.prevention.measures.support.MeasuresApi.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.measures.monitoring.OverdueMonitor;
import kz.prevention.measures.support.MeasuresApi.Entry;
import kz.prevention.testing.TestKafka;

/** An unfinished measure past its due date is flagged and published once per due date. */
@QuarkusTest
class OverdueTest {

    @Inject
    OverdueMonitor monitor;
    @Inject
    ObjectMapper mapper;

    @Test
    void anOverdueMeasureIsPublishedOnceHoweverOftenTheMonitorRuns() {
        Entry entry = new Entry(ALMATY_DISTRICT, false);
        entry.register();
        String m = assigned(officer(ALMATY), planOf(entry), measure("PSYCHOLOGICAL_HELP", "FSC", today().plusDays(2)));
        LocalDate later = today().plusDays(5);

        assertThat(monitor.run(today())).isZero();
        assertThat(monitor.run(later)).isPositive();
        assertThat(monitor.run(later)).isZero();
        monitor.run(later.plusDays(1));

        List<JsonNode> overdue = await().atMost(Duration.ofSeconds(20)).until(() -> overdueEventsOf(m), l -> !l.isEmpty());
        assertThat(overdue).hasSize(1);
        assertThat(overdue.get(0).at("/data/daysOverdue").asInt()).isEqualTo(3);
        assertThat(overdue.get(0).at("/data/executingAgency").asText()).isEqualTo("FSC");
    }

    @Test
    void aNewDueDateCanBeRaisedAgainAndTheQueueShowsWhatIsOverdueToday() {
        Entry entry = new Entry(ALMATY_DISTRICT, false);
        entry.register();
        String m = assigned(officer(ALMATY), planOf(entry), measure("PSYCHOLOGICAL_HELP", "FSC", today().plusDays(2)));
        monitor.run(today().plusDays(3));
        patch(officer(ALMATY), "/api/v1/measures/" + m, etag(officer(ALMATY), m),
                Map.of("dueDate", today().plusDays(4).toString())).statusCode(200);

        monitor.run(today().plusDays(6));

        await().atMost(Duration.ofSeconds(20)).until(() -> overdueEventsOf(m).size() == 2);
        String fsc = executor("FSC", ALMATY);
        assertThat(get(fsc, "/api/v1/assignments?overdue=true&size=100").extract().jsonPath().getList("items.id"))
                .doesNotContain(m);
        assertThat(get(fsc, "/api/v1/assignments?overdue=false&size=100").extract().jsonPath().getList("items.id"))
                .contains(m);
    }

    private List<JsonNode> overdueEventsOf(String measureId) {
        return TestKafka.readAll(TestKafka.topic("prevention.measures.measures")).stream().map(r -> {
            try {
                return mapper.readTree(r.value());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).filter(e -> e.path("subject").asText().equals(measureId))
                .filter(e -> e.path("type").asText().endsWith("measure.overdue.v1")).toList();
    }
}
