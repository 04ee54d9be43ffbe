package kz.prevention.commission;

import static kz.prevention.commission.support.CommissionApi.commission;
import static kz.prevention.commission.support.CommissionApi.freshDistrict;
import static kz.prevention.commission.support.CommissionApi.today;
import static kz.prevention.commission.support.Sitting.instruction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kz.prevention.commission.execution.DeadlineMonitor;
import kz.prevention.commission.support.CommissionApi.Built;
import kz.prevention.commission.support.Events;
import kz.prevention.commission.support.Sitting;
import kz.prevention.testing.AuthorizedRequests;
import kz.prevention.testing.PublishedEvents;

/** Execution control from measures-service's events: executed, overdue → proposed again, and the dashboard. */
@QuarkusTest
class ExecutionTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    DeadlineMonitor monitor;

    /** A decision adopted today with two general instructions (due in 30 and 60 days); returns it as read back. */
    private static JsonPath adopted(Built c) {
        Sitting s = Sitting.today(c);
        String item = s.item("AGENCY_HEAD_REPORT");
        String decision = s.draft(item, "Усилить профилактику в общественных местах", List.of(
                instruction("POLICE", "PUBLIC_PLACES", null, 30), instruction("EDUCATION", "LEGAL_EDUCATION", null, 60)))
                .statusCode(201).extract().path("id");
        s.present(4);
        for (int i = 0; i < 3; i++) {
            s.vote(s.member(i), item, "FOR").statusCode(200);
        }
        s.signOff(s.member(0)).statusCode(200);
        return AuthorizedRequests.get(c.secretaryToken(), "/api/v1/decisions/" + decision).statusCode(200)
                .body("status", equalTo("ADOPTED")).extract().jsonPath();
    }

    @Test
    void aCompletedMeasureExecutesItsInstructionAndTheDashboardCountsIt() {
        Built c = commission("INTERDEPARTMENTAL", "DISTRICT", freshDistrict(), 3);
        JsonPath d = adopted(c);
        UUID decisionId = UUID.fromString(d.getString("id"));
        String first = d.getString("instructions[0].id");
        String second = d.getString("instructions[1].id");
        Events.Measure m1 = Events.Measure.assign(decisionId, first, "POLICE", "PUBLIC_PLACES", today().plusDays(30));
        Events.Measure.assign(decisionId, second, "EDUCATION", "LEGAL_EDUCATION", today().plusDays(60));
        m1.complete(today());

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> "EXECUTED".equals(
                AuthorizedRequests.get(c.secretaryToken(), "/api/v1/decisions/" + decisionId).extract().path("instructions[0].status")));
        AuthorizedRequests.get(c.secretaryToken(), "/api/v1/decisions/" + decisionId).statusCode(200)
                .body("instructions[1].status", equalTo("ASSIGNED"))
                .body("instructions[0].measureId", equalTo(m1.id().toString()));
        AuthorizedRequests.get(c.secretaryToken(), "/api/v1/commissions/" + c.id() + "/execution").statusCode(200)
                .body("executedOnTime", equalTo(1)).body("openOnTime", equalTo(1)).body("overdue", equalTo(0))
                .body("total", equalTo(2));
        AuthorizedRequests.get(c.secretaryToken(), "/api/v1/commissions/" + c.id() + "/execution/instructions").statusCode(200)
                .body("id", equalTo(List.of(second)));

        JsonNode executed = PublishedEvents.on("prevention.commission.decisions", dataSource).stream()
                .filter(e -> e.path("type").asText().equals("kz.prevention.commission.instruction.executed.v1")
                        && e.path("data").path("instructionId").asText().equals(first)).findFirst().orElseThrow();
        assertThat(executed.path("subject").asText()).isEqualTo(decisionId.toString());
        assertThat(executed.path("aggregateversion").asLong()).isEqualTo(2);
        assertThat(executed.path("data").path("onTime").asBoolean()).isTrue();
    }

    @Test
    void anOverdueMeasureProposesItsInstructionForTheNextSession() {
        Built c = commission("INTERDEPARTMENTAL", "DISTRICT", freshDistrict(), 3);
        JsonPath d = adopted(c);
        UUID decisionId = UUID.fromString(d.getString("id"));
        String first = d.getString("instructions[0].id");
        LocalDate due = today().plusDays(30);
        Events.Measure m = Events.Measure.assign(decisionId, first, "POLICE", "PUBLIC_PLACES", due);
        m.overdue(due.plusDays(1));

        List<String> proposed = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> overdueProposals(c), l -> !l.isEmpty());
        assertThat(proposed).containsExactly(first);
        assertThat(PublishedEvents.on("prevention.commission.decisions", dataSource).stream()
                .filter(e -> e.path("type").asText().equals("kz.prevention.commission.instruction.overdue.v1"))
                .map(e -> e.path("data").path("instructionId").asText())).contains(first);
        // The deadline monitor does not raise it a second time.
        monitor.raise(due.plusDays(2));
        assertThat(overdueProposals(c)).containsExactly(first);
    }

    @Test
    void anInstructionNoMeasureWasReportedForIsFoundByTheDeadlineMonitor() {
        Built c = commission("INTERDEPARTMENTAL", "DISTRICT", freshDistrict(), 3);
        JsonPath d = adopted(c);
        String second = d.getString("instructions[1].id");
        monitor.raise(today().plusDays(61));
        assertThat(overdueProposals(c)).contains(second);
        AuthorizedRequests.get(c.secretaryToken(), "/api/v1/decisions/" + d.getString("id")).statusCode(200)
                .body("instructions[1].overdueSince", equalTo(today().plusDays(61).toString()));
    }

    @Test
    void sessionsAreAnnouncedWhenScheduledAndWhenHeld() {
        Built c = commission("INTERDEPARTMENTAL", "DISTRICT", freshDistrict(), 3);
        adopted(c);
        List<JsonNode> events = PublishedEvents.on("prevention.commission.sessions", dataSource).stream()
                .filter(e -> e.path("data").path("commissionId").asText().equals(c.id())).toList();
        assertThat(events).extracting(e -> e.path("type").asText()).containsExactly(
                "kz.prevention.commission.session.scheduled.v1", "kz.prevention.commission.session.held.v1");
        JsonNode held = events.get(1).path("data");
        assertThat(held.path("members").asInt()).isEqualTo(6);
        assertThat(held.path("present").asInt()).isEqualTo(4);
        assertThat(held.path("decisionsAdopted").asInt()).isEqualTo(1);
        assertThat(held.path("commissionKind").asText()).isEqualTo("INTERDEPARTMENTAL");
    }

    @Test
    void anAgencysThirdOverdueMeasureOfTheMonthIsProposedOnceToTheTerritorysCommission() throws Exception {
        String district = freshDistrict();
        Built c = commission("INTERDEPARTMENTAL", "DISTRICT", district, 1);
        String inside = district.substring(0, 4) + "10000";
        Events.overdueMeasure("HEALTH", inside, today().minusDays(2), today());
        Events.overdueMeasure("HEALTH", inside, today().minusDays(3), today());
        Events.overdueMeasure("POLICE", inside, today().minusDays(3), today());
        // Three overdue measures of two agencies are below the threshold: nothing is proposed, for a while.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> agencyProposals(c).isEmpty());
        assertThat(agencyProposals(c)).isEmpty();

        Events.overdueMeasure("HEALTH", inside, today().minusDays(1), today());
        Events.overdueMeasure("HEALTH", inside, today().minusDays(1), today());

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> agencyProposals(c).size() == 1);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> agencyProposals(c).size() == 1);
        assertThat(agencyProposals(c)).hasSize(1);
    }

    private static List<String> agencyProposals(Built c) {
        return AuthorizedRequests.get(c.secretaryToken(), "/api/v1/commissions/" + c.id() + "/agenda-items").statusCode(200)
                .extract().jsonPath().<String>getList("findAll { it.kind == 'AGENCY_OVERDUE_MEASURES' }.title");
    }

    private static List<String> overdueProposals(Built c) {
        return AuthorizedRequests.get(c.secretaryToken(), "/api/v1/commissions/" + c.id() + "/agenda-items").statusCode(200)
                .extract().jsonPath().<String>getList("findAll { it.kind == 'OVERDUE_INSTRUCTION' }.instructionId");
    }
}
