package kz.prevention.registry;

import static io.restassured.RestAssured.given;
import static kz.prevention.registry.support.RegistryApi.ALMATY;
import static kz.prevention.registry.support.RegistryApi.adult;
import static kz.prevention.registry.support.RegistryApi.register;
import static kz.prevention.registry.support.RegistryApi.registration;
import static kz.prevention.testing.TestTokens.officer;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import kz.prevention.testing.ParallelRequests;

/**
 * Twenty identical requests at once, as a client that retries on a timeout or a user who
 * double-clicks would send them: one winner, never a 5xx, never two of what a rule says is one.
 * (Before: a new IIN gave 1 × 201 and 19 × 500; an existing person under a new category got two
 * ACTIVE entries; one Idempotency-Key gave 5 × 201, 7 × 409, 8 × 500.)
 */
@QuarkusTest
class ConcurrencyTest {

    private static final int PARALLEL = 20;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void twentyRegistrationsOfOneNewPersonMakeOneEntryAndNo5xx() throws Exception {
        Map<String, Object> body = registration(adult(), "OFFICIAL_WARNING", ALMATY);
        String token = officer(ALMATY);

        Map<Integer, Integer> statuses = ParallelRequests.statuses(PARALLEL, i -> () -> post(token, body, null));

        assertThat(statuses).containsEntry(201, 1).containsOnlyKeys(201, 409);
        assertThat(activeEntries(iin(body), "OFFICIAL_WARNING")).isEqualTo(1);
    }

    @Test
    void twentyRegistrationsOfAnExistingPersonUnderANewCategoryMakeOneActiveEntry() throws Exception {
        Map<String, Object> first = registration(adult(), "OFFICIAL_WARNING", ALMATY);
        String token = officer(ALMATY);
        register(token, first).statusCode(201);
        Map<String, Object> second = registration(personOf(first), "PAROLE", ALMATY);

        Map<Integer, Integer> statuses = ParallelRequests.statuses(PARALLEL, i -> () -> post(token, second, null));

        assertThat(statuses).containsEntry(201, 1).containsOnlyKeys(201, 409);
        assertThat(activeEntries(iin(first), "PAROLE")).isEqualTo(1);
    }

    @Test
    void twentyRetriesWithOneIdempotencyKeyCreateOnceAndAllGetTheResource() throws Exception {
        Map<String, Object> body = registration(adult(), "OFFICIAL_WARNING", ALMATY);
        String token = officer(ALMATY);
        String key = UUID.randomUUID().toString();

        Map<Integer, Integer> statuses = ParallelRequests.statuses(PARALLEL, i -> () -> post(token, body, key));

        assertThat(statuses).isEqualTo(Map.of(201, PARALLEL));
        assertThat(activeEntries(iin(body), "OFFICIAL_WARNING")).isEqualTo(1);
    }

    @Test
    void oneIdempotencyKeyWithTwentyDifferentBodiesCreatesOnceAndRefusesTheRest() throws Exception {
        String token = officer(ALMATY);
        String key = UUID.randomUUID().toString();
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            bodies.add(registration(adult(), "OFFICIAL_WARNING", ALMATY));
        }

        Map<Integer, Integer> statuses = ParallelRequests.statuses(PARALLEL, i -> () -> post(token, bodies.get(i), key));

        assertThat(statuses).containsEntry(201, 1).containsEntry(422, PARALLEL - 1);
    }

    @Test
    void anIdempotencyKeyKeepsNoPersonalData() throws Exception {
        Map<String, Object> body = registration(adult(), "OFFICIAL_WARNING", ALMATY);
        String key = UUID.randomUUID().toString();

        assertThat(post(officer(ALMATY), body, key)).isEqualTo(201);

        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT row_to_json(k)::text FROM idempotency_key k WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).doesNotContain(iin(body))
                        .doesNotContain((String) personOf(body).get("lastName"));
            }
        }
    }

    private static int post(String token, Map<String, Object> body, String key) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.when().post("/api/v1/entries").then().extract().statusCode();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> personOf(Map<String, Object> body) {
        return (Map<String, Object>) body.get("person");
    }

    private static String iin(Map<String, Object> body) {
        return (String) personOf(body).get("iin");
    }

    private long activeEntries(String iin, String category) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM registry_entry e JOIN person p ON p.id = e.person_id"
                        + " WHERE p.iin = ? AND e.category = ? AND e.status = 'ACTIVE'")) {
            ps.setString(1, iin);
            ps.setString(2, category);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
