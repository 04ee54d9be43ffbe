package kz.prevention.registry;

import static kz.prevention.registry.support.RegistryApi.ALMATY;
import static kz.prevention.registry.support.RegistryApi.ASTANA;
import static kz.prevention.registry.support.RegistryApi.ASTANA_DISTRICT;
import static kz.prevention.registry.support.RegistryApi.adult;
import static kz.prevention.registry.support.RegistryApi.approve;
import static kz.prevention.registry.support.RegistryApi.head;
import static kz.prevention.registry.support.RegistryApi.reject;
import static kz.prevention.registry.support.RegistryApi.requested;
import static kz.prevention.registry.support.RegistryApi.document;
import static kz.prevention.registry.support.RegistryApi.etag;
import static kz.prevention.testing.TestTokens.officer;
import static kz.prevention.testing.AuthorizedRequests.patch;
import static kz.prevention.testing.AuthorizedRequests.post;
import static kz.prevention.registry.support.RegistryApi.register;
import static kz.prevention.registry.support.RegistryApi.registration;
import static kz.prevention.registry.support.RegistryApi.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.eventing.catalog.EventCatalog;
import kz.prevention.registry.monitoring.DeadlineMonitor;
import kz.prevention.testing.TestKafka;

/**
 * What really reaches Kafka for one entry's life: every event is a CloudEvent of a type the
 * catalog lists, its data valid against the type's schema, versions 1, 2, 3, ... in order.
 */
@QuarkusTest
class EmittedEventsTest {

    @Inject
    EventCatalog catalog;
    @Inject
    DeadlineMonitor monitor;

    /** The type published today for an event name such as entry.registered, as the catalog says. */
    private String currentType(String name) {
        return catalog.events().stream().map(kz.prevention.eventing.catalog.EventSpec::type)
                .filter(t -> t.startsWith("kz.prevention.registry." + name + ".v")).findFirst().orElseThrow();
    }

    @Test
    void anEntrysWholeLifeIsPublishedAsValidOrderedEvents() {
        String almaty = officer(ALMATY);
        String astana = officer(ASTANA);
        var body = registration(adult(), "PROTECTIVE_ORDER", ALMATY);
        // Issued yesterday: registered today, the responsible officer is named within the order's 24 hours (Order 163),
        // so no entry.deadline-missed follows the registration.
        body.put("groundingDocument", Map.of("type", "PROTECTIVE_ORDER", "number", "ЗП-" + System.nanoTime(),
                "date", today().minusDays(1).toString(), "issuer", "УП Бостандыкского района ДП г. Алматы"));
        // The responsible officer's account (the token's sub) reaches reporting as an opaque id, never the name.
        String firstOfficer = java.util.UUID.randomUUID().toString();
        String secondOfficer = java.util.UUID.randomUUID().toString();
        body.put("responsibleOfficer", Map.of("name", "Сапаров А. К.", "rank", "капитан полиции", "userId", firstOfficer));
        var created = register(almaty, body).statusCode(201).extract();
        assertThat(created.path("entry.responsibleOfficer.userId").toString()).isEqualTo(firstOfficer);
        String id = created.path("entry.id");
        String personId = created.path("entry.person.id");
        LocalDate start = today().minusDays(2);

        patch(almaty, "/api/v1/entries/" + id, etag(almaty, id), Map.of("registeringBody", "УП Алмалинского района"))
                .statusCode(200);
        // The same account under a corrected rank announces nothing new; another account does.
        patch(almaty, "/api/v1/entries/" + id, etag(almaty, id), Map.of("responsibleOfficer",
                Map.of("name", "Сапаров А. К.", "rank", "майор полиции", "userId", firstOfficer))).statusCode(200);
        patch(almaty, "/api/v1/entries/" + id, etag(almaty, id), Map.of("responsibleOfficer",
                Map.of("name", "Жумабеков Е. С.", "userId", secondOfficer))).statusCode(200);
        post(almaty, "/api/v1/entries/" + id + "/controls", null, Map.of("visitDate", today().toString(),
                "officer", "x", "form", "HOME_VISIT", "result", "ok")).statusCode(200);
        monitor.run(today().plusDays(8));
        monitor.run(start.plusDays(30).minusDays(5));
        post(almaty, "/api/v1/entries/" + id + "/extensions", etag(almaty, id), Map.of("newEndDate",
                start.plusDays(30).toString(), "reason", "x", "document", document("PROTECTIVE_ORDER"))).statusCode(422);
        String transfer = requested(almaty, id, "transfer", Map.of("toRegion", ASTANA_DISTRICT, "reason", "переезд"));
        approve(head(ALMATY), transfer).statusCode(200);
        post(astana, "/api/v1/entries/" + id + "/transfer/acceptance", etag(astana, id), Map.of("registeringBody", "УП",
                "responsibleOfficer", Map.of("name", "x"))).statusCode(200);
        String removal = requested(astana, id, "removal", Map.of("reason", "REFORMED",
                "removalDate", today().toString(), "document", document("POLICE_RESOLUTION")));
        reject(head(ASTANA), removal, "характеристика не приложена").statusCode(200);
        approve(head(ASTANA), requested(astana, id, "removal", Map.of("reason", "REFORMED",
                "removalDate", today().toString(), "document", document("POLICE_RESOLUTION")))).statusCode(200);

        // A request is announced when made; the change itself (entry.transfer-requested, entry.removed) only once approved.
        List<String> expected = List.of("entry.registered", "entry.officer-assigned", "entry.updated", "entry.updated",
                "entry.updated", "entry.officer-assigned", "entry.control-recorded",
                "entry.control-overdue", "entry.term-ending", "entry.approval-requested", "entry.transfer-requested",
                "entry.approval-decided", "entry.transferred", "entry.officer-assigned", "entry.approval-requested",
                "entry.approval-decided",
                "entry.approval-requested", "entry.removed", "entry.approval-decided");
        List<JsonNode> events = await().atMost(Duration.ofSeconds(30)).until(() -> TestKafka.events("prevention.registry.entries", id),
                list -> list.size() >= expected.size());

        assertThat(events).extracting(e -> e.path("type").asText())
                .containsExactlyElementsOf(expected.stream().map(this::currentType).toList());
        assertThat(events).extracting(e -> e.path("aggregateversion").asLong())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, expected.size()).boxed().toList());
        for (JsonNode e : events) {
            assertThat(e.path("specversion").asText()).isEqualTo("1.0");
            assertThat(e.path("source").asText()).isEqualTo("/registry-service");
            assertThat(catalog.violations(e.path("type").asText(), e.path("data"))).as(e.path("type").asText()).isEmpty();
            assertThat(e.path("data").toString()).as("no names or IINs in events")
                    .doesNotContain("Ахметов", "iin", "Сапаров", "Жумабеков", "полиции");
            assertThat(e.path("data").toString()).as("no free text (registering body) in events").doesNotContain("УП");
        }
        // Who holds the entry, from when: the officer's account (or none after the transfer named no account) and the unit.
        List<JsonNode> assigned = events.stream().filter(e -> e.path("type").asText().contains("officer-assigned"))
                .map(e -> e.path("data")).toList();
        assertThat(assigned).extracting(d -> d.path("officerId").isNull() ? null : d.path("officerId").asText())
                .containsExactly(firstOfficer, secondOfficer, null);
        assertThat(assigned).extracting(d -> d.path("occasion").asText())
                .containsExactly("REGISTERED", "UPDATED", "TRANSFERRED");
        assertThat(assigned).extracting(d -> d.path("region").asText()).containsExactly(ALMATY, ALMATY, ASTANA_DISTRICT);
        assertThat(assigned).extracting(d -> d.path("agency").asText()).containsOnly("POLICE");
        assertThat(assigned).extracting(d -> d.path("assignedOn").asText()).containsOnly(today().toString());
        assertThat(assigned).allSatisfy(d -> assertThat(d.has("name") || d.has("rank")).isFalse());
        // entry.registered carries codes, dates and ids only: no case number, free text, document type or exact age.
        JsonNode registered = events.get(0).path("data");
        assertThat(registered.has("caseNumber") || registered.has("registeringBody") || registered.has("ageAtRegistration")
                || registered.has("groundingDocumentType")).isFalse();
        List<JsonNode> personEvents = await().atMost(Duration.ofSeconds(30))
                .until(() -> TestKafka.events("prevention.registry.persons", personId), list -> !list.isEmpty());
        assertThat(personEvents.get(0).path("type").asText()).isEqualTo("kz.prevention.registry.person.registered.v2");
        assertThat(catalog.violations(personEvents.get(0).path("type").asText(), personEvents.get(0).path("data"))).isEmpty();
    }
}
