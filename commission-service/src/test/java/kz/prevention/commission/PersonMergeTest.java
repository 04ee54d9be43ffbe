package kz.prevention.commission;

import static kz.prevention.commission.support.CommissionApi.commission;
import static kz.prevention.commission.support.CommissionApi.freshDistrict;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.commission.support.CommissionApi.Built;
import kz.prevention.commission.support.Events;
import kz.prevention.testing.AuthorizedRequests;
import kz.prevention.testing.TestTokens;

/**
 * A person merged in the registry (person.merged: minor B, registered without an IIN, is A): the
 * agenda items about B become A's — reads of an item are audited against its person, so the
 * supervisor searching the audit log by A must find them — whether the merge arrives after the
 * item was proposed or before the event proposing it (the persons' topic has no order with the
 * entries' or the measures'). A special-school stay kept under B proposes the return for A.
 */
@QuarkusTest
class PersonMergeTest {

    private static final LocalDate RETURNED = LocalDate.of(2026, 12, 15);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aMergeAfterTheProposalsMakesTheirItemsTheSurvivors() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        String district = freshDistrict();
        Built minors = commission("MINORS_AFFAIRS", "DISTRICT", district, 1);
        Events.Registration entry = Events.register(district, true, b);
        String itemId = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> itemOf(minors, entry.entryId(), "MINOR_CASE"), id -> id != null);
        Events.PlanMeasure placement = Events.PlanMeasure.assign(district, "SPECIAL_SCHOOL", true, b);
        await().atMost(Duration.ofSeconds(30)).alias("the placement was kept").until(() -> stayKept(placement.id()));

        Events.registerAndMerge(b, a, List.of(entry.entryId()));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> readIsAuditedAgainst(minors, itemId, a));
        AuthorizedRequests.get(minors.secretaryToken(), "/api/v1/agenda-items/" + itemId + "/history").statusCode(200)
                .body("action", hasItem("PERSON_MERGED"));

        placement.complete(RETURNED);
        String returnId = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> itemOf(minors, placement.entryId(), "RETURNED_FROM_SPECIAL_SCHOOL"), id -> id != null);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> readIsAuditedAgainst(minors, returnId, a));
    }

    @Test
    void aMergeBeforeTheProposingEventsMakesTheItemsTheSurvivors() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        String district = freshDistrict();
        Built minors = commission("MINORS_AFFAIRS", "DISTRICT", district, 1);
        Events.registerAndMerge(b, a, List.of());
        await().atMost(Duration.ofSeconds(30)).alias("the merge was applied").until(() -> merged(b));

        Events.Registration entry = Events.register(district, true, b);
        Events.PlanMeasure placement = Events.PlanMeasure.assign(district, "SPECIAL_SCHOOL", true, b);
        placement.complete(RETURNED);
        String itemId = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> itemOf(minors, entry.entryId(), "MINOR_CASE"), id -> id != null);
        String returnId = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> itemOf(minors, placement.entryId(), "RETURNED_FROM_SPECIAL_SCHOOL"), id -> id != null);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> readIsAuditedAgainst(minors, itemId, a));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> readIsAuditedAgainst(minors, returnId, a));
    }

    /** The secretary reads the item; the audit log then holds that read under {@code person}. */
    private static void readIsAuditedAgainst(Built c, String itemId, UUID person) {
        AuthorizedRequests.get(c.secretaryToken(), "/api/v1/agenda-items/" + itemId).statusCode(200)
                .body("id", equalTo(itemId));
        AuthorizedRequests.get(TestTokens.supervisor(), "/api/v1/audit?action=READ&resourceType=agenda-item&resourceId="
                + itemId + "&personId=" + person).statusCode(200).body("total", greaterThanOrEqualTo(1));
    }

    private static String itemOf(Built c, UUID entryId, String kind) {
        List<Map<String, Object>> items = AuthorizedRequests.get(c.secretaryToken(),
                "/api/v1/commissions/" + c.id() + "/agenda-items").statusCode(200).extract().jsonPath().getList("$");
        return items.stream().filter(i -> entryId.toString().equals(i.get("entryId")) && kind.equals(i.get("kind")))
                .map(i -> (String) i.get("id")).findFirst().orElse(null);
    }

    private boolean stayKept(UUID measureId) {
        return exists("SELECT 1 FROM special_school_stay WHERE measure_id = ?", measureId);
    }

    private boolean merged(UUID person) {
        return exists("SELECT 1 FROM person_merge WHERE merged_person_id = ?", person);
    }

    private boolean exists(String sql, UUID id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            return false;
        }
    }
}
