package kz.prevention.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.eventing.contract.MeasuresEvents;
import kz.prevention.eventing.contract.RegistryEvents;
import kz.prevention.reporting.support.Feed;
import kz.prevention.testing.TestKafka;
import kz.prevention.testing.TestTokens;

/**
 * The analysts' stream carries pseudonyms, birth years, districts and days — and nothing that
 * identifies: the registry's ids, a case number shaped like an IIN and a registering body written
 * like a person's name are published upstream and must not reach it.
 */
@QuarkusTest
class AnalystStreamTest {

    static final String TOPIC = "prevention.analytics.pseudonymised";
    static final Map<String, Set<String>> FIELDS = Map.of(
            "kz.prevention.reporting.person.pseudonymised.v1", Set.of("person", "keyId", "birthYear", "sex"),
            "kz.prevention.reporting.entry.registered.v1",
            Set.of("entry", "person", "keyId", "category", "categoryGroup", "minor", "district", "registeredOn"),
            "kz.prevention.reporting.entry.removed.v1", Set.of("entry", "keyId", "district", "reason", "early", "removedOn"),
            "kz.prevention.reporting.measure.assigned.v1",
            Set.of("measure", "entry", "keyId", "district", "type", "executingAgency", "assignedOn", "dueDate"),
            "kz.prevention.reporting.measure.completed.v1",
            Set.of("measure", "keyId", "district", "type", "executingAgency", "dueDate", "completedOn", "onTime"),
            "kz.prevention.reporting.person.merged.v1", Set.of("merged", "survivor", "keyId"));

    @Test
    void noIdNameIinOrBirthDateReachesTheAnalystsStream() throws Exception {
        UUID person = UUID.randomUUID();
        UUID entry = UUID.randomUUID();
        UUID measure = UUID.randomUUID();
        String iinLike = "870412300123";
        String nameLike = "Жумабаева Гульнара Сериковна";
        LocalDate day = LocalDate.of(2030, 4, 12);
        // The person and the entry arrive as the superseded v1 types a topic still holds from before the events
        // were minimised, with an IIN-like case number and a name in the old free-text field: they are read,
        // and nothing of them reaches the analysts.
        Feed.deliver("prevention.registry.persons", person.toString(), Feed.supersededEnvelope(
                "kz.prevention.registry.person.registered.v1", new RegistryEvents.PersonRegistered(person, "F", 1931),
                Map.of("hasIin", true, "citizenship", "KAZ"), 1));
        Feed.deliver("prevention.registry.entries", entry.toString(), Feed.supersededEnvelope(
                "kz.prevention.registry.entry.registered.v1", new RegistryEvents.EntryRegistered(entry, person,
                        "PROTECTIVE_ORDER", "ADULT", false, "751110001", "PROTECTIVE_ORDER", day, day.plusDays(30), "F",
                        "WEEKLY"),
                Map.of("caseNumber", iinLike, "registeringBody", nameLike, "groundingDocumentType", "PROTECTIVE_ORDER",
                        "ageAtRegistration", 99, "nextControlDate", day.plusDays(7).toString()), 1));
        Feed.deliver("prevention.registry.entries", entry.toString(), Feed.envelope(
                new RegistryEvents.EntryRemoved(entry, "751110001", "TERM_ENDED", false, day.plusDays(31)), 2));
        UUID plan = UUID.randomUUID();
        Feed.deliver("prevention.measures.measures", measure.toString(), Feed.envelope(new MeasuresEvents.MeasureAssigned(
                measure, plan, "751110001", "PREVENTIVE_CONVERSATION", "POLICE", "INDIVIDUAL", entry, person, false, day,
                day.plusDays(10), null, null), 1));
        Feed.deliver("prevention.measures.measures", measure.toString(), Feed.envelope(new MeasuresEvents.MeasureCompleted(
                measure, plan, "751110001", "PREVENTIVE_CONVERSATION", "POLICE", day.plusDays(10), day.plusDays(3), true,
                null, null), 2));

        List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1)).until(() -> TestKafka.readAll(TestKafka.topic(TOPIC)),
                        r -> r.stream().anyMatch(x -> text(x).contains("\"birthYear\":1931"))
                                && r.stream().anyMatch(x -> text(x).contains("kz.prevention.reporting.measure.completed.v1")
                                        && text(x).contains("\"completedOn\":\"2030-04-15\"")));

        Pattern iin = Pattern.compile("(?<![0-9])[0-9]{12}(?![0-9])");
        String ourPseudonym = null;
        for (ConsumerRecord<String, byte[]> r : records) {
            String raw = text(r);
            for (UUID id : List.of(person, entry, measure, plan)) {
                assertThat(raw).doesNotContain(id.toString());
            }
            assertThat(raw).doesNotContain(iinLike).doesNotContain("Жумабаева").doesNotContain("1931-");
            JsonNode event = Feed.JSON.readTree(r.value());
            JsonNode data = event.get("data");
            assertThat(iin.matcher(data.toString()).find()).as("an IIN-shaped number in %s", data).isFalse();
            Set<String> allowed = FIELDS.get(event.get("type").asText());
            assertThat(allowed).as("type %s", event.get("type").asText()).isNotNull();
            for (Iterator<String> it = data.fieldNames(); it.hasNext();) {
                assertThat(allowed).contains(it.next());
            }
            assertThat(data.get("keyId").asText()).isEqualTo("p1");
            if (data.has("district")) {
                assertThat(data.get("district").asText()).matches("[0-9]{4}00000");
            }
            if (data.has("birthYear") && data.get("birthYear").asInt() == 1931) {
                ourPseudonym = data.get("person").asText();
                assertThat(event.get("subject").asText()).isEqualTo(ourPseudonym);
            }
        }
        String pseudonym = ourPseudonym;
        assertThat(pseudonym).isNotNull().hasSize(43);
        // Analysts can join: the entry carries the same pseudonym as the person, in its district, on the day.
        assertThat(records.stream().map(AnalystStreamTest::text).filter(t -> t.contains("entry.registered.v1")
                && t.contains(pseudonym))).singleElement().asString().contains("\"district\":\"751100000\"")
                .contains("\"registeredOn\":\"2030-04-12\"");
    }

    /**
     * B, registered without an IIN, is merged into A: the entry published under B keeps B's pseudonym,
     * and analysts learn that it is A's from person.merged — the two pseudonyms and the key id, no ids,
     * no moved entries.
     */
    @Test
    void aMergeIsToldAsTheTwoPseudonymsAndNothingElse() throws Exception {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID entry = UUID.randomUUID();
        LocalDate day = LocalDate.of(2030, 5, 20);
        Feed.deliver("prevention.registry.persons", a.toString(), Feed.envelope(new RegistryEvents.PersonRegistered(a, "M", 1932), 1));
        Feed.deliver("prevention.registry.persons", b.toString(), Feed.envelope(new RegistryEvents.PersonRegistered(b, "M", 1933), 1));
        Feed.deliver("prevention.registry.entries", entry.toString(), Feed.envelope(new RegistryEvents.EntryRegistered(entry, b,
                "PROTECTIVE_ORDER", "ADULT", false, "751110001", "PROTECTIVE_ORDER", day, day.plusDays(30), "M", "WEEKLY"), 1));
        Feed.deliver("prevention.registry.persons", b.toString(), Feed.envelope(
                new RegistryEvents.PersonMerged(b, a, List.of(entry)), 2));

        List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(60))
                .alias("both persons and the merge published on the analysts' stream")
                .pollInterval(Duration.ofSeconds(1)).until(() -> TestKafka.readAll(TestKafka.topic(TOPIC)),
                        r -> pseudonymBorn(r, 1932) != null && pseudonymBorn(r, 1933) != null
                                && r.stream().anyMatch(x -> text(x).contains(pseudonymBorn(r, 1933))
                                        && text(x).contains("kz.prevention.reporting.person.merged.v1")));
        String survivor = pseudonymBorn(records, 1932);
        String merged = pseudonymBorn(records, 1933);
        assertThat(survivor).isNotEqualTo(merged);
        // The entry published before the merge keeps the merged person's pseudonym.
        assertThat(records.stream().map(AnalystStreamTest::text).filter(t -> t.contains("entry.registered.v1")
                && t.contains("\"registeredOn\":\"2030-05-20\"") && t.contains(merged))).hasSize(1);

        List<ConsumerRecord<String, byte[]>> merges = records.stream().filter(x -> text(x).contains(merged)
                && text(x).contains("kz.prevention.reporting.person.merged.v1")).toList();
        assertThat(merges).hasSize(1);
        String raw = text(merges.get(0));
        for (UUID id : List.of(a, b, entry)) {
            assertThat(raw).doesNotContain(id.toString());
        }
        JsonNode event = Feed.JSON.readTree(merges.get(0).value());
        assertThat(event.get("subject").asText()).isEqualTo(merged);
        assertThat(Feed.JSON.convertValue(event.get("data"), Map.class))
                .isEqualTo(Map.of("merged", merged, "survivor", survivor, "keyId", "p1"));
    }

    /** The pseudonym of the person.pseudonymised event with this (test-unique) birth year, or null. */
    private static String pseudonymBorn(List<ConsumerRecord<String, byte[]>> records, int birthYear) {
        return records.stream().map(AnalystStreamTest::text).filter(t -> t.contains("\"birthYear\":" + birthYear))
                .map(t -> {
                    try {
                        return Feed.JSON.readTree(t).get("data").get("person").asText();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).findFirst().orElse(null);
    }

    @Test
    void anAnalystReadsTheStreamsSchemaInTheCatalog() {
        given().auth().oauth2(TestTokens.role("analyst", "000000000"))
                .get("/api/v1/event-catalog/schemas/kz.prevention.reporting.person.pseudonymised.v1").then().statusCode(200)
                .body("properties.birthYear.type", org.hamcrest.Matchers.equalTo("integer"));
        given().auth().oauth2(TestTokens.role("analyst", "000000000")).get("/api/v1/event-catalog/asyncapi").then()
                .statusCode(200).body("channels.'prevention.analytics.pseudonymised'.'x-consumers'",
                        org.hamcrest.Matchers.hasItem("analysts"));
    }

    private static String text(ConsumerRecord<String, byte[]> r) {
        return new String(r.value(), StandardCharsets.UTF_8);
    }
}
