package kz.prevention.measures;

import static kz.prevention.measures.support.MeasuresApi.ALMATY;
import static kz.prevention.measures.support.MeasuresApi.ALMATY_DISTRICT;
import static kz.prevention.measures.support.MeasuresApi.planOf;
import static kz.prevention.measures.support.MeasuresApi.registerAndMerge;
import static kz.prevention.testing.AuthorizedRequests.get;
import static kz.prevention.testing.TestTokens.officer;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.measures.support.MeasuresApi.Entry;

/**
 * A person merged in the registry (person.merged: B, registered without an IIN, is A): the plan of
 * B's entry becomes A's — the registry answers the executing organisation's person summary only for
 * A, and plans are searched and audited by person — whether the merge arrives after the entry's
 * registration or before it (the persons' and the entries' topics have no order between them).
 */
@QuarkusTest
class PersonMergeTest {

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Test
    void aMergeAfterThePlanOpenedMovesThePlanToTheSurvivor() {
        UUID a = UUID.randomUUID();
        Entry entry = new Entry(ALMATY_DISTRICT, false);
        entry.register();
        String planId = planOf(entry);

        registerAndMerge(entry.personId, a, List.of(entry.id));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> get(officer(ALMATY), "/api/v1/plans?personId=" + a)
                .statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(planId)));
        get(officer(ALMATY), "/api/v1/plans?personId=" + entry.personId).statusCode(200).body("total", equalTo(0));
        get(officer(ALMATY), "/api/v1/plans/" + planId + "/history").statusCode(200)
                .body("action", hasItem("PERSON_MERGED"));
    }

    @Test
    void aMergeBeforeTheEntrysRegistrationOpensThePlanForTheSurvivor() {
        UUID a = UUID.randomUUID();
        Entry entry = new Entry(ALMATY_DISTRICT, false);
        registerAndMerge(entry.personId, a, List.of(entry.id));
        await().atMost(Duration.ofSeconds(60)).alias("the merge was applied").until(() -> merged(entry.personId));

        entry.register();
        String planId = planOf(entry);
        get(officer(ALMATY), "/api/v1/plans/" + planId).statusCode(200).body("personId", equalTo(a.toString()));
        get(officer(ALMATY), "/api/v1/plans?personId=" + entry.personId).statusCode(200).body("total", equalTo(0));
    }

    private boolean merged(UUID person) {
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM person_merge WHERE merged_person_id = ?")) {
            ps.setObject(1, person);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (java.sql.SQLException e) {
            return false;
        }
    }
}
