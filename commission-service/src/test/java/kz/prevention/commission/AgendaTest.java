package kz.prevention.commission;

import static kz.prevention.commission.support.CommissionApi.commission;
import static kz.prevention.commission.support.CommissionApi.freshDistrict;
import static kz.prevention.commission.support.CommissionApi.member;
import static kz.prevention.commission.support.CommissionApi.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.commission.support.CommissionApi.Built;
import kz.prevention.commission.support.Events;
import kz.prevention.testing.AuthorizedRequests;

@QuarkusTest
class AgendaTest {

    @jakarta.inject.Inject
    kz.prevention.commission.agenda.AssessmentProposals assessments;

    @Test
    void aMinorRegisteredInDistrictXIsProposedToXsMinorsCommissionAndNotToYs() {
        String x = freshDistrict();
        Built minorsX = commission("MINORS_AFFAIRS", "DISTRICT", x, 1);
        Built minorsY = commission("MINORS_AFFAIRS", "DISTRICT", freshDistrict(), 1);
        Built lawAndOrderX = commission("INTERDEPARTMENTAL", "DISTRICT", x, 1);
        // A rural district inside X: covered by X (prefix at X's level), not by Y.
        Events.Registration entry = Events.register(x.substring(0, 4) + "10000", true);

        List<String> proposed = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> proposedEntries(minorsX), l -> l.contains(entry.entryId().toString()));

        assertThat(proposed).containsOnlyOnce(entry.entryId().toString());
        assertThat(proposedEntries(minorsY)).doesNotContain(entry.entryId().toString());
        assertThat(proposedEntries(lawAndOrderX)).doesNotContain(entry.entryId().toString());
    }

    @Test
    void aRedeliveredRegistrationProposesOnceAndAnAdultsProposesNothing() throws Exception {
        String x = freshDistrict();
        Built minors = commission("MINORS_AFFAIRS", "DISTRICT", x, 1);
        Events.Registration adult = Events.register(x.substring(0, 4) + "10000", false);
        Events.Registration minor = Events.register(x.substring(0, 4) + "10000", true);
        minor.redeliver();
        await().atMost(Duration.ofSeconds(20)).until(() -> proposedEntries(minors).contains(minor.entryId().toString()));
        // The redelivery and the adult's registration must leave it at one proposal, for a while.
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> java.util.Collections
                .frequency(proposedEntries(minors), minor.entryId().toString()) == 1);
        assertThat(proposedEntries(minors)).containsOnlyOnce(minor.entryId().toString())
                .doesNotContain(adult.entryId().toString());
    }

    @Test
    void theSecretaryAcceptsDefersAndDismissesWithAReason() {
        Built c = commission("MINORS_AFFAIRS", "DISTRICT", freshDistrict(), 1);
        String session = schedule(c);
        String a = propose(c, "AGENCY_HEAD_REPORT");
        String b = propose(c, "NEGLIGENT_PARENT");
        String d = propose(c, "SIX_MONTHLY_ASSESSMENT");

        AuthorizedRequests.post(c.secretaryToken(), "/api/v1/agenda-items/" + a + "/acceptance", null,
                Map.of("sessionId", session, "reason", "материалы полные")).statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("sessionId", equalTo(session));
        AuthorizedRequests.post(c.secretaryToken(), "/api/v1/agenda-items/" + b + "/deferral", null, Map.of("reason", " "))
                .statusCode(400).contentType("application/problem+json");
        AuthorizedRequests.post(c.secretaryToken(), "/api/v1/agenda-items/" + b + "/deferral", null,
                Map.of("reason", "ждём акт обследования")).statusCode(200).body("status", equalTo("DEFERRED"));
        AuthorizedRequests.post(c.secretaryToken(), "/api/v1/agenda-items/" + d + "/dismissal", null,
                Map.of("reason", "рассмотрено областной комиссией")).statusCode(200).body("status", equalTo("DISMISSED"));
        AuthorizedRequests.post(c.secretaryToken(), "/api/v1/agenda-items/" + d + "/acceptance", null,
                Map.of("sessionId", session, "reason", "x")).statusCode(409);

        AuthorizedRequests.get(c.secretaryToken(), "/api/v1/sessions/" + session + "/agenda").statusCode(200)
                .body("id", equalTo(List.of(a)));
    }

    @Test
    void aMemberCannotAnswerProposals() {
        Built c = commission("MINORS_AFFAIRS", "DISTRICT", freshDistrict(), 1);
        String session = schedule(c);
        String a = propose(c, "AGENCY_HEAD_REPORT");
        AuthorizedRequests.post(member(c.members().get(3)), "/api/v1/agenda-items/" + a + "/acceptance", null,
                Map.of("sessionId", session, "reason", "сам себе")).statusCode(403);
    }

    @Test
    void minorsMaterialsBelongOnlyToMinorsCommissions() {
        Built c = commission("INTERDEPARTMENTAL", "DISTRICT", freshDistrict(), 1);
        AuthorizedRequests.post(c.secretaryToken(), "/api/v1/commissions/" + c.id() + "/agenda-items", null,
                Map.of("kind", "MINOR_CASE", "title", "дело")).statusCode(422).contentType("application/problem+json");
        AuthorizedRequests.post(c.secretaryToken(), "/api/v1/commissions/" + c.id() + "/agenda-items", null,
                Map.of("kind", "NO_SUCH_KIND", "title", "дело")).statusCode(400);
    }

    @Test
    void anItemCannotGoToAnotherCommissionsSession() {
        Built c = commission("MINORS_AFFAIRS", "DISTRICT", freshDistrict(), 1);
        Built other = commission("MINORS_AFFAIRS", "DISTRICT", freshDistrict(), 1);
        String otherSession = schedule(other);
        String a = propose(c, "AGENCY_HEAD_REPORT");
        AuthorizedRequests.post(c.secretaryToken(), "/api/v1/agenda-items/" + a + "/acceptance", null,
                Map.of("sessionId", otherSession, "reason", "x")).statusCode(422);
    }

    @Test
    void sessionsAreNumberedInOrderAndNotScheduledInThePast() {
        Built c = commission("MINORS_AFFAIRS", "DISTRICT", freshDistrict(), 1);
        String path = "/api/v1/commissions/" + c.id() + "/sessions";
        AuthorizedRequests.post(c.secretaryToken(), path, null, Map.of("date", today().toString(), "place", "зал"))
                .statusCode(201).body("number", equalTo(1)).body("status", equalTo("SCHEDULED"));
        AuthorizedRequests.post(c.secretaryToken(), path, null, Map.of("date", today().plusDays(30).toString(), "place", "зал"))
                .statusCode(201).body("number", equalTo(2));
        AuthorizedRequests.post(c.secretaryToken(), path, null, Map.of("date", today().minusDays(1).toString(), "place", "зал"))
                .statusCode(400);
    }

    @Test
    void theSixMonthlyAssessmentIsProposedOncePerHalfYearToLocalLawAndOrderCommissions() {
        Built lawAndOrder = commission("INTERDEPARTMENTAL", "DISTRICT", freshDistrict(), 1);
        Built minors = commission("MINORS_AFFAIRS", "DISTRICT", freshDistrict(), 1);

        assessments.propose(java.time.LocalDate.of(2026, 11, 30));
        assertThat(kinds(lawAndOrder)).doesNotContain("SIX_MONTHLY_ASSESSMENT");
        assessments.propose(java.time.LocalDate.of(2026, 12, 1));
        assessments.propose(java.time.LocalDate.of(2026, 12, 2));

        assertThat(kinds(lawAndOrder)).containsOnlyOnce("SIX_MONTHLY_ASSESSMENT");
        assertThat(kinds(minors)).doesNotContain("SIX_MONTHLY_ASSESSMENT");
    }

    private static List<String> kinds(Built c) {
        return AuthorizedRequests.get(c.secretaryToken(), "/api/v1/commissions/" + c.id() + "/agenda-items").statusCode(200)
                .extract().jsonPath().getList("kind", String.class);
    }

    static String schedule(Built c) {
        return AuthorizedRequests.post(c.secretaryToken(), "/api/v1/commissions/" + c.id() + "/sessions", null,
                Map.of("date", today().toString(), "place", "Акимат района, зал заседаний")).statusCode(201).extract().path("id");
    }

    static String propose(Built c, String kind) {
        return AuthorizedRequests.post(c.secretaryToken(), "/api/v1/commissions/" + c.id() + "/agenda-items", null,
                Map.of("kind", kind, "title", "Вопрос " + kind)).statusCode(201).extract().path("id");
    }

    private static List<String> proposedEntries(Built c) {
        return AuthorizedRequests.get(c.secretaryToken(), "/api/v1/commissions/" + c.id() + "/agenda-items").statusCode(200)
                .extract().jsonPath().getList("entryId", String.class);
    }
}
