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
        var created = register(almaty, body).statusCode(201).extract();
        String id = created.path("entry.id");
        String personId = created.path("entry.person.id");
        LocalDate start = today().minusDays(2);

        patch(almaty, "/api/v1/entries/" + id, etag(almaty, id), Map.of("registeringBody", "УП Алмалинского района"))
                .statusCode(200);
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
        List<String> expected = List.of("entry.registered", "entry.updated", "entry.control-recorded",
                "entry.control-overdue", "entry.term-ending", "entry.approval-requested", "entry.transfer-requested",
                "entry.approval-decided", "entry.transferred", "entry.approval-requested", "entry.approval-decided",
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
            assertThat(e.path("data").toString()).as("no names or IINs in events").doesNotContain("Ахметов", "iin");
            assertThat(e.path("data").toString()).as("no free text (registering body) in events").doesNotContain("УП");
        }
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
