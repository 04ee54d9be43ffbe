package kz.prevention.registry;

import static kz.prevention.registry.support.RegistryApi.ALMATY;
import static kz.prevention.registry.support.RegistryApi.ALMATY_DISTRICT;
import static kz.prevention.registry.support.RegistryApi.ASTANA;
import static kz.prevention.registry.support.RegistryApi.ASTANA_DISTRICT;
import static kz.prevention.registry.support.RegistryApi.adult;
import static kz.prevention.registry.support.RegistryApi.register;
import static kz.prevention.registry.support.RegistryApi.registration;
import static kz.prevention.testing.AuthorizedRequests.get;
import static kz.prevention.testing.AuthorizedRequests.patch;
import static kz.prevention.testing.TestTokens.officer;
import static kz.prevention.testing.TestTokens.supervisor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.eventing.catalog.EventCatalog;
import kz.prevention.testing.TestKafka;

/**
 * A person's record changes through one path, with history (issue 10): a PATCH, and a registration
 * that reuses the person by IIN and sends a new address. Each keeps the fields before and after,
 * bumps the person's ETag and publishes person.updated; the history is read under the person's access rule.
 */
@QuarkusTest
class PersonUpdatesTest {

    private static final Map<String, Object> NEW_ADDRESS = Map.of("text", "г. Алматы, ул. Сатпаева, 22, кв. 9",
            "kato", ALMATY_DISTRICT);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    EventCatalog catalog;
    @Inject
    ObjectMapper mapper;

    @Test
    void aPersonPatchKeepsBeforeAndAfterInTheHistory() throws Exception {
        String personId = personRegisteredIn(ALMATY, adult());
        String etag = get(officer(ALMATY), "/api/v1/persons/" + personId).statusCode(200).extract().header("ETag");

        String newEtag = patch(officer(ALMATY), "/api/v1/persons/" + personId, etag,
                Map.of("address", NEW_ADDRESS, "citizenship", "KGZ")).statusCode(200)
                .body("person.address.text", equalTo(NEW_ADDRESS.get("text"))).extract().header("ETag");

        assertThat(newEtag).isNotEqualTo(etag);
        JsonNode last = lastHistoryEntry(personId);
        assertThat(last.path("action").asText()).isEqualTo("UPDATED");
        assertThat(last.path("actor").asText()).isEqualTo("officer." + ALMATY);
        assertThat(change(last, "address.text", "from")).isEqualTo("г. Алматы, ул. Абая, 10");
        assertThat(change(last, "address.text", "to")).isEqualTo(NEW_ADDRESS.get("text"));
        assertThat(change(last, "citizenship", "from")).isEqualTo("KAZ");
        assertThat(change(last, "citizenship", "to")).isEqualTo("KGZ");
    }

    @Test
    void aRegistrationReusingThePersonWithANewAddressUpdatesItWithHistoryETagAndEvent() throws Exception {
        Map<String, Object> p = adult();
        String personId = personRegisteredIn(ALMATY, p);
        String etag = get(officer(ALMATY), "/api/v1/persons/" + personId).statusCode(200).extract().header("ETag");
        Map<String, Object> moved = new java.util.LinkedHashMap<>(p);
        moved.put("address", NEW_ADDRESS);

        register(officer(ALMATY), registration(moved, "PAROLE", ALMATY)).statusCode(201)
                .body("personReused", equalTo(true));

        String newEtag = get(officer(ALMATY), "/api/v1/persons/" + personId).statusCode(200)
                .body("person.address.text", equalTo(NEW_ADDRESS.get("text")))
                .body("person.address.kato", equalTo(ALMATY_DISTRICT)).extract().header("ETag");
        assertThat(newEtag).isNotEqualTo(etag);
        JsonNode last = lastHistoryEntry(personId);
        assertThat(last.path("action").asText()).isEqualTo("UPDATED");
        assertThat(change(last, "address.text", "from")).isEqualTo("г. Алматы, ул. Абая, 10");
        assertThat(change(last, "address.text", "to")).isEqualTo(NEW_ADDRESS.get("text"));
        assertThat(last.path("changes").has("address.kato")).as("the kato did not change").isFalse();
        assertThat(scalar("SELECT count(*) FROM audit_log WHERE resource_type = 'person' AND action = 'UPDATE'"
                + " AND person_id = '" + personId + "'::uuid")).isEqualTo(1);

        List<JsonNode> events = await().atMost(Duration.ofSeconds(30)).until(() -> TestKafka.events("prevention.registry.persons", personId),
                list -> list.stream().anyMatch(e -> e.path("type").asText().contains("person.updated")));
        JsonNode updated = events.stream().filter(e -> e.path("type").asText().contains("person.updated")).findFirst()
                .orElseThrow();
        assertThat(catalog.violations(updated.path("type").asText(), updated.path("data"))).isEmpty();
        assertThat(updated.path("data").toString()).contains("address.text").doesNotContain("Сатпаева");
    }

    @Test
    void theSameAddressSentAgainChangesNothing() throws Exception {
        Map<String, Object> p = adult();
        String personId = personRegisteredIn(ALMATY, p);
        String etag = get(officer(ALMATY), "/api/v1/persons/" + personId).statusCode(200).extract().header("ETag");

        register(officer(ALMATY), registration(p, "PAROLE", ALMATY)).statusCode(201).body("personReused", equalTo(true));

        get(officer(ALMATY), "/api/v1/persons/" + personId).statusCode(200).header("ETag", equalTo(etag));
        assertThat(lastHistoryEntry(personId).path("action").asText()).isEqualTo("REGISTERED");
    }

    @Test
    void aRefusedRegistrationLeavesTheAddressAsItWas() throws Exception {
        Map<String, Object> p = adult();
        String personId = personRegisteredIn(ALMATY, p);
        Map<String, Object> moved = new java.util.LinkedHashMap<>(p);
        moved.put("address", NEW_ADDRESS);

        // The same category while the first entry is active: 409, and nothing of the request stays.
        register(officer(ALMATY), registration(moved, "OFFICIAL_WARNING", ALMATY)).statusCode(409);

        get(officer(ALMATY), "/api/v1/persons/" + personId).statusCode(200)
                .body("person.address.text", equalTo("г. Алматы, ул. Абая, 10"));
        assertThat(lastHistoryEntry(personId).path("action").asText()).isEqualTo("REGISTERED");
    }

    @Test
    void aBodyRegisteringAPersonWhoMovedIntoItsTerritoryRecordsTheMove() throws Exception {
        Map<String, Object> p = adult();
        p.put("address", Map.of("text", "г. Астана, пр. Мангилик Ел, 8", "kato", ASTANA_DISTRICT));
        String personId = personRegisteredIn(ASTANA, p);
        Map<String, Object> moved = new java.util.LinkedHashMap<>(p);
        moved.put("address", NEW_ADDRESS);

        register(officer(ALMATY), registration(moved, "PAROLE", ALMATY)).statusCode(201).body("personReused", equalTo(true));

        JsonNode last = lastHistoryEntry(personId);
        assertThat(last.path("actor").asText()).isEqualTo("officer." + ALMATY);
        assertThat(change(last, "address.kato", "from")).isEqualTo(ASTANA_DISTRICT);
        assertThat(change(last, "address.kato", "to")).isEqualTo(ALMATY_DISTRICT);
    }

    @Test
    void aPersonsHistoryIsReadUnderThePersonsAccessRuleAndAudited() throws Exception {
        String personId = personRegisteredIn(ALMATY, adult());

        get(officer(ASTANA), "/api/v1/persons/" + personId + "/history").statusCode(404);
        get(kz.prevention.testing.TestTokens.role("analyst", ALMATY), "/api/v1/persons/" + personId + "/history")
                .statusCode(403);
        get(officer(ALMATY), "/api/v1/persons/" + personId + "/history").statusCode(200)
                .body("[0].action", equalTo("REGISTERED"));

        assertThat(scalar("SELECT count(*) FROM audit_log WHERE resource_type = 'person-history' AND action = 'READ'"
                + " AND person_id = '" + personId + "'::uuid AND actor = 'officer." + ALMATY + "'")).isEqualTo(1);
        assertThat(scalar("SELECT count(*) FROM audit_log WHERE action = 'DENIED' AND person_id = '" + personId
                + "'::uuid AND actor = 'officer." + ASTANA + "'")).isEqualTo(1);
    }

    private static String personRegisteredIn(String region, Map<String, Object> person) {
        return register(officer(region), registration(person, "OFFICIAL_WARNING", region)).statusCode(201)
                .extract().path("entry.person.id");
    }

    private JsonNode lastHistoryEntry(String personId) throws Exception {
        JsonNode history = mapper.readTree(get(supervisor(), "/api/v1/persons/" + personId + "/history").statusCode(200)
                .extract().asString());
        return history.get(history.size() - 1);
    }

    private static String change(JsonNode entry, String field, String side) {
        return entry.path("changes").path(field).path(side).asText(null);
    }

    private long scalar(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
