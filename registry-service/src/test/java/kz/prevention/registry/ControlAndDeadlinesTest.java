package kz.prevention.registry;

import static kz.prevention.registry.support.RegistryApi.ALMATY;
import static kz.prevention.registry.support.RegistryApi.adult;
import static kz.prevention.testing.AuthorizedRequests.get;
import static kz.prevention.testing.TestTokens.juvenile;
import static kz.prevention.testing.TestTokens.officer;
import static kz.prevention.registry.support.RegistryApi.person;
import static kz.prevention.testing.AuthorizedRequests.post;
import static kz.prevention.registry.support.RegistryApi.register;
import static kz.prevention.registry.support.RegistryApi.registered;
import static kz.prevention.registry.support.RegistryApi.registration;
import static kz.prevention.registry.support.RegistryApi.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.registry.monitoring.DeadlineMonitor;
import kz.prevention.testing.Iins;

@QuarkusTest
class ControlAndDeadlinesTest {

    private final String token = officer(ALMATY);
    private final LocalDate start = today().minusDays(2);

    @Inject
    DeadlineMonitor monitor;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theControlRhythmFollowsTheMeasure() {
        register(token, registration(adult(), "PROTECTIVE_ORDER", ALMATY)).statusCode(201)
                .body("entry.nextControlDate", equalTo(start.plusDays(7).toString()));
        register(token, registration(adult(), "OFFICIAL_WARNING", ALMATY)).statusCode(201)
                .body("entry.controlFrequency", equalTo("TWICE_MONTHLY"))
                .body("entry.nextControlDate", equalTo(start.plusDays(15).toString()));
        register(token, registration(adult(), "PAROLE", ALMATY)).statusCode(201)
                .body("entry.controlFrequency", equalTo("MONTHLY"))
                .body("entry.nextControlDate", equalTo(start.plusMonths(1).toString()));
    }

    @Test
    void supervisionIsControlledByRiskLevel() {
        Map<String, Object> high = registration(adult(), "ADMINISTRATIVE_SUPERVISION", ALMATY);
        high.put("riskLevel", "HIGH");
        Map<String, Object> low = registration(adult(), "ADMINISTRATIVE_SUPERVISION", ALMATY);
        low.put("riskLevel", "LOW");

        register(token, high).statusCode(201).body("entry.nextControlDate", equalTo(start.plusDays(7).toString()));
        register(token, low).statusCode(201).body("entry.nextControlDate", equalTo(start.plusMonths(1).toString()));
    }

    @Test
    void aControlVisitMovesTheNextControlDate() {
        String id = registered(token, registration(adult(), "OFFICIAL_WARNING", ALMATY));

        post(token, "/api/v1/entries/" + id + "/controls", null, Map.of("visitDate", today().toString(),
                "officer", "Сапаров А. К.", "form", "HOME_VISIT", "result", "нарушений нет")).statusCode(200)
                .body("lastControlDate", equalTo(today().toString()))
                .body("nextControlDate", equalTo(today().plusDays(15).toString()));
        get(token, "/api/v1/entries/" + id + "/controls").statusCode(200).body("$", hasSize(1))
                .body("[0].form", equalTo("HOME_VISIT"));
    }

    @Test
    void aVisitInTheFutureOrOfAnUnknownFormIsRefused() {
        String id = registered(token, registration(adult(), "OFFICIAL_WARNING", ALMATY));

        post(token, "/api/v1/entries/" + id + "/controls", null, Map.of("visitDate", today().plusDays(1).toString(),
                "officer", "x", "form", "HOME_VISIT", "result", "x")).statusCode(400);
        post(token, "/api/v1/entries/" + id + "/controls", null, Map.of("visitDate", today().toString(),
                "officer", "x", "form", "TELEPATHY", "result", "x")).statusCode(400).body("errors[0].field", equalTo("form"));
    }

    @Test
    void anOverdueControlIsRaisedOnceAsAnEventAndAWorkItem() throws Exception {
        String id = registered(token, registration(adult(), "PROTECTIVE_ORDER", ALMATY));
        LocalDate due = start.plusDays(7);

        monitor.run(due.plusDays(1));
        monitor.run(due.plusDays(2));

        assertThat(events(id, "kz.prevention.registry.entry.control-overdue.v1")).isEqualTo(1);
        get(token, "/api/v1/work-items?kind=CONTROL_OVERDUE&entryId=" + id).statusCode(200)
                .body("items.findAll { it.entryId == '" + id + "' }", hasSize(1))
                .body("items.find { it.entryId == '" + id + "' }.dueDate", equalTo(due.toString()));
    }

    @Test
    void aVisitResolvesTheOverdueWorkItem() {
        String id = registered(token, registration(adult(), "PROTECTIVE_ORDER", ALMATY));
        monitor.run(start.plusDays(8));

        post(token, "/api/v1/entries/" + id + "/controls", null, Map.of("visitDate", today().toString(),
                "officer", "x", "form", "SUMMONS_TO_POLICE", "result", "явился")).statusCode(200);

        get(token, "/api/v1/work-items?kind=CONTROL_OVERDUE&entryId=" + id).statusCode(200)
                .body("items.findAll { it.entryId == '" + id + "' }", hasSize(0));
    }

    @Test
    void aTermEndingAndThenExpiredAreEachRaisedOnce() throws Exception {
        String id = registered(token, registration(adult(), "OFFICIAL_WARNING", ALMATY));
        LocalDate end = start.plusDays(30);

        monitor.run(end.minusDays(25));
        assertThat(events(id, "kz.prevention.registry.entry.term-ending.v1")).as("not yet within 20 days").isZero();
        monitor.run(end.minusDays(19));
        monitor.run(end.minusDays(5));
        monitor.run(end.plusDays(1));
        monitor.run(end.plusDays(3));

        assertThat(events(id, "kz.prevention.registry.entry.term-ending.v1")).isEqualTo(1);
        assertThat(events(id, "kz.prevention.registry.entry.term-expired.v1")).isEqualTo(1);
        get(token, "/api/v1/entries/" + id).statusCode(200).body("status", equalTo("ACTIVE"));
        get(token, "/api/v1/work-items?kind=TERM_EXPIRED&entryId=" + id).body("items.entryId", hasItem(id))
                .body("items.entryId", everyItem(equalTo(id)));
    }

    @Test
    void aMinorTurningEighteenIsRaisedButNotRemoved() throws Exception {
        String jt = juvenile(ALMATY);
        LocalDate born = today().minusYears(17).minusDays(300);
        String id = registered(jt, registration(person(Iins.of(born, 'F')), "MINOR_NEGLECTED_HOMELESS", ALMATY));

        monitor.run(born.plusYears(18).minusDays(1));
        assertThat(events(id, "kz.prevention.registry.entry.minor-came-of-age.v3")).isZero();
        monitor.run(born.plusYears(18));
        monitor.run(born.plusYears(18).plusDays(1));

        assertThat(events(id, "kz.prevention.registry.entry.minor-came-of-age.v3")).isEqualTo(1);
        // The event says who came of age, never when they were born.
        String event = kz.prevention.testing.PublishedEvents.on("prevention.registry.entries", dataSource).stream()
                .filter(e -> e.path("type").asText().endsWith("minor-came-of-age.v3")
                        && e.path("subject").asText().equals(id)).findFirst().orElseThrow().path("data").toString();
        assertThat(event).doesNotContain(born.plusYears(18).toString()).doesNotContain(born.toString())
                .doesNotContain("Birthday").doesNotContain("personId");
        get(jt, "/api/v1/entries/" + id).statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void searchListsOverdueControlsAndEndingTerms() {
        String id = registered(token, registration(adult(), "OFFICIAL_WARNING", ALMATY));

        get(token, "/api/v1/entries?termEndingWithinDays=30&size=100").statusCode(200).body("items.id", hasItem(id));
    }

    /** Distinct events of the type about the entry on the registry's topic, once everything recorded is published. */
    private long events(String entryId, String type) {
        return kz.prevention.testing.PublishedEvents.count("prevention.registry.entries", dataSource, entryId, type);
    }
}
