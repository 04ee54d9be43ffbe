package kz.prevention.registry;

import static io.restassured.RestAssured.given;
import static kz.prevention.registry.support.RegistryApi.ALMATY;
import static kz.prevention.registry.support.RegistryApi.ASTANA_DISTRICT;
import static kz.prevention.registry.support.RegistryApi.adult;
import static kz.prevention.registry.support.RegistryApi.approve;
import static kz.prevention.registry.support.RegistryApi.document;
import static kz.prevention.registry.support.RegistryApi.etag;
import static kz.prevention.registry.support.RegistryApi.head;
import static kz.prevention.registry.support.RegistryApi.registered;
import static kz.prevention.registry.support.RegistryApi.registration;
import static kz.prevention.registry.support.RegistryApi.reject;
import static kz.prevention.registry.support.RegistryApi.removal;
import static kz.prevention.registry.support.RegistryApi.requested;
import static kz.prevention.registry.support.RegistryApi.today;
import static kz.prevention.testing.AuthorizedRequests.get;
import static kz.prevention.testing.AuthorizedRequests.post;
import static kz.prevention.testing.TestTokens.officer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import kz.prevention.eventing.catalog.EventCatalog;
import kz.prevention.testing.PublishedEvents;
import kz.prevention.testing.ParallelRequests;
import kz.prevention.testing.TestTokens;

/**
 * One-man management (Law No. 380-IV Art. 4): removal, extension and transfer are requests until
 * an authorised head of the keeping body approves them; the head is never the one who asked.
 */
@QuarkusTest
class ApprovalFlowTest {

    private static final int PARALLEL = 20;
    private static final String ZHAMBYL = "310000000";

    private final String officer = officer(ALMATY);
    private final String head = head(ALMATY);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    EventCatalog catalog;

    @Test
    void aRemovalIsARequestUntilTheHeadApprovesIt() throws Exception {
        String id = registered(officer, registration(adult(), "OFFICIAL_WARNING", ALMATY));
        String before = etag(officer, id);

        String location = post(officer, "/api/v1/entries/" + id + "/removal", before, removal()).statusCode(202)
                .body("kind", equalTo("REMOVAL"))
                .body("status", equalTo("PENDING"))
                .body("entryId", equalTo(id))
                .body("requestedBy", equalTo("officer." + ALMATY))
                .body("request.reason", equalTo("REFORMED"))
                .extract().header("Location");
        assertThat(location).matches(".*/api/v1/approvals/[0-9a-f-]{36}$");
        String approval = location.substring(location.lastIndexOf('/') + 1);

        get(officer, "/api/v1/entries/" + id).statusCode(200).body("status", equalTo("ACTIVE"));
        assertThat(etag(officer, id)).as("the entry is unchanged until approved").isEqualTo(before);
        get(head, "/api/v1/approvals?status=PENDING&entryId=" + id).statusCode(200).body("items.id", hasItem(approval));
        assertThat(eventTypes(id)).doesNotContain("kz.prevention.registry.entry.removed.v2");

        approve(head, approval).statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo("head." + ALMATY))
                .body("deciderUnit", equalTo(ALMATY))
                .body("decidedAt", notNullValue());

        get(officer, "/api/v1/entries/" + id).statusCode(200).body("status", equalTo("REMOVED"))
                .body("removal.reason", equalTo("REFORMED"));
        get(head, "/api/v1/approvals?status=PENDING&entryId=" + id).body("items.id", not(hasItem(approval)));
        get(head, "/api/v1/approvals?status=APPROVED&entryId=" + id).body("items.id", hasItem(approval));
        get(officer, "/api/v1/entries/" + id + "/history").statusCode(200)
                .body("action", hasItems("REMOVAL_REQUESTED", "REMOVAL_APPROVED", "REMOVED"))
                .body("find { it.action == 'REMOVAL_REQUESTED' }.actor", equalTo("officer." + ALMATY))
                .body("find { it.action == 'REMOVED' }.actor", equalTo("head." + ALMATY))
                .body("find { it.action == 'REMOVED' }.changes.requestedBy.to", equalTo("officer." + ALMATY))
                .body("find { it.action == 'REMOVED' }.changes.approvedBy.to", equalTo("head." + ALMATY));
        assertThat(auditRows(id)).contains("officer." + ALMATY + " REMOVAL_REQUESTED: approval,requestedBy",
                "head." + ALMATY + " REMOVAL_APPROVED: approval,requestedBy,approvedBy");

        List<JsonNode> events = events(id);
        assertThat(events).extracting(e -> e.path("type").asText()).containsExactly(
                "kz.prevention.registry.entry.registered.v2", "kz.prevention.registry.entry.officer-assigned.v1",
                "kz.prevention.registry.entry.approval-requested.v1", "kz.prevention.registry.entry.removed.v2",
                "kz.prevention.registry.entry.approval-decided.v1");
        for (JsonNode e : events.subList(1, 5)) {
            assertThat(catalog.violations(e.path("type").asText(), e.path("data"))).isEmpty();
            assertThat(e.path("data").toString()).as("no names in approval events").doesNotContain("officer.", "head.");
        }
        assertThat(events.get(4).path("data").path("decision").asText()).isEqualTo("APPROVED");
    }

    @Test
    void theRequesterNeverApprovesTheirOwnRequest() {
        // A head is also an officer and may ask; another head decides.
        String id = registered(head, registration(adult(), "OFFICIAL_WARNING", ALMATY));
        String approval = requested(head, id, "removal", removal());

        approve(head, approval).statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:prevention:problem:forbidden"))
                .body("detail", containsString("you requested this removal"));
        reject(head, approval, "передумал").statusCode(403);
        get(officer, "/api/v1/entries/" + id).body("status", equalTo("ACTIVE"));

        String deputy = TestTokens.user("deputy-head.almaty").roles("authorised-head", "registry-officer").agency("POLICE")
                .region(ALMATY).unit(ALMATY).sign();
        approve(deputy, approval).statusCode(200);
    }

    @Test
    void aRejectionNeedsAReasonLeavesTheEntryAndIsFinal() throws Exception {
        String id = registered(officer, registration(adult(), "OFFICIAL_WARNING", ALMATY));
        String before = etag(officer, id);
        String approval = requested(officer, id, "removal", removal());

        given().auth().oauth2(head).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/approvals/" + approval + "/reject").then().statusCode(400)
                .contentType("application/problem+json");
        reject(head, approval, "характеристика не приложена").statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("decisionReason", equalTo("характеристика не приложена"));

        assertThat(etag(officer, id)).isEqualTo(before);
        get(officer, "/api/v1/entries/" + id + "/history")
                .body("find { it.action == 'REMOVAL_REJECTED' }.changes.reason.to", equalTo("характеристика не приложена"))
                .body("find { it.action == 'REMOVAL_REJECTED' }.changes.rejectedBy.to", equalTo("head." + ALMATY));
        approve(head, approval).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("already decided"));
        reject(head, approval, "ещё раз").statusCode(409);
        assertThat(eventTypes(id)).doesNotContain("kz.prevention.registry.entry.removed.v2");

        // Rejected, it no longer blocks a new request.
        requested(officer, id, "removal", removal());
    }

    @Test
    void oneRequestOfAKindWaitsPerEntry() {
        String id = registered(officer, registration(adult(), "SPECIAL_REQUIREMENTS", ALMATY));
        String first = requested(officer, id, "removal", removal());

        post(officer, "/api/v1/entries/" + id + "/removal", etag(officer, id), removal()).statusCode(409)
                .contentType("application/problem+json").body("detail", containsString(first));
        // Another kind may wait beside it; approving the removal closes it.
        String extension = requested(officer, id, "extension", Map.of("newEndDate", today().plusDays(200).toString(),
                "reason", "риск сохраняется", "document", document("COURT_RULING")));
        approve(head, first).statusCode(200);

        get(head, "/api/v1/approvals/" + extension).statusCode(200).body("status", equalTo("CANCELLED"))
                .body("decisionReason", containsString(first));
        approve(head, extension).statusCode(409);
    }

    @Test
    void aRequestIsCheckedAtOnceAndAgainWhenApproved() {
        String id = registered(officer, registration(adult(), "OFFICIAL_WARNING", ALMATY));
        // TERM_ENDED is no ground before the warning's end date: refused when asked, nothing waits.
        post(officer, "/api/v1/entries/" + id + "/removal", etag(officer, id), removal("TERM_ENDED")).statusCode(422);
        get(head, "/api/v1/approvals?entryId=" + id).body("total", equalTo(0));

        // A transfer approved first: a removal waiting beside it can no longer be applied (the file is away).
        String removal = requested(officer, id, "removal", removal());
        approve(head, requested(officer, id, "transfer", Map.of("toRegion", ASTANA_DISTRICT, "reason", "переезд")))
                .statusCode(200);
        approve(head, removal).statusCode(409).body("detail", containsString("transfer"));
        get(head, "/api/v1/approvals/" + removal).body("status", equalTo("PENDING"));
        get(officer, "/api/v1/entries/" + id).body("status", equalTo("ACTIVE"));
    }

    @Test
    void anExtensionTakesEffectOnlyWhenApproved() {
        String officer = officer(ZHAMBYL);
        String head = head(ZHAMBYL);
        String id = registered(officer, registration(adult(), "SPECIAL_REQUIREMENTS", ZHAMBYL));
        String end = get(officer, "/api/v1/entries/" + id).extract().path("measureEndDate");
        String newEnd = today().plusDays(200).toString();
        String approval = requested(officer, id, "extension", Map.of("newEndDate", newEnd,
                "reason", "риск сохраняется", "document", document("COURT_RULING")));

        get(officer, "/api/v1/entries/" + id).body("measureEndDate", equalTo(end));
        approve(head, approval).statusCode(200);
        get(officer, "/api/v1/entries/" + id).body("measureEndDate", equalTo(newEnd));
        assertThat(eventTypes(id)).contains("kz.prevention.registry.entry.extended.v1");
    }

    @Test
    void anEarlyRemovalOnThePersonsOwnRequestTakesTheSamePath() throws Exception {
        get(officer, "/api/v1/catalogs/removal-reasons").statusCode(200)
                .body("entries.find { it.code == 'REFORMED_ON_REQUEST' }.attributes.onPersonRequest", equalTo(true));
        String id = registered(officer, registration(adult(), "OFFICIAL_WARNING", ALMATY));
        String approval = requested(officer, id, "removal", removal("REFORMED_ON_REQUEST"));
        get(officer, "/api/v1/entries/" + id).body("status", equalTo("ACTIVE"));

        approve(head, approval).statusCode(200);

        get(officer, "/api/v1/entries/" + id).body("status", equalTo("REMOVED"))
                .body("removal.reason", equalTo("REFORMED_ON_REQUEST"));
        JsonNode removed = events(id).stream().filter(e -> e.path("type").asText().endsWith("entry.removed.v2"))
                .findFirst().orElseThrow();
        assertThat(removed.path("data").path("early").asBoolean()).isTrue();
    }

    @Test
    void twentyHeadsApprovingAtOnceApplyItOnce() throws Exception {
        String id = registered(officer, registration(adult(), "OFFICIAL_WARNING", ALMATY));
        String approval = requested(officer, id, "removal", removal());
        List<String> heads = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            heads.add(TestTokens.user("head-" + i + ".almaty").roles("authorised-head", "registry-officer")
                    .agency("POLICE").region(ALMATY).unit(ALMATY).sign());
        }

        Map<Integer, Integer> statuses = ParallelRequests.statuses(PARALLEL, i -> () -> approve(heads.get(i), approval).extract().statusCode());

        assertThat(statuses).isEqualTo(Map.of(200, 1, 409, PARALLEL - 1));
        assertThat(count("SELECT count(*) FROM resource_history WHERE resource_type = 'entry' AND resource_id = '" + id + "' AND action = 'REMOVED'"))
                .isEqualTo(1);
        assertThat(eventTypes(id)).filteredOn(t -> t.endsWith("entry.removed.v2") || t.endsWith("approval-decided.v1"))
                .hasSize(2);
    }

    @Test
    void twentyRequestsAtOnceLeaveOnePending() throws Exception {
        String id = registered(officer, registration(adult(), "OFFICIAL_WARNING", ALMATY));
        String etag = etag(officer, id);

        Map<Integer, Integer> statuses = ParallelRequests.statuses(PARALLEL, i -> () -> given().auth().oauth2(officer).contentType(ContentType.JSON)
                .header("If-Match", etag).body(removal()).when().post("/api/v1/entries/" + id + "/removal")
                .then().extract().statusCode());

        assertThat(statuses).isEqualTo(Map.of(202, 1, 409, PARALLEL - 1));
        assertThat(count("SELECT count(*) FROM entry_approval WHERE entry_id = '" + id + "' AND status = 'PENDING'"))
                .isEqualTo(1);
    }

    @Test
    void theQueueIsPagedOldestFirst() {
        // A territory no other test uses, so the queue holds only this test's requests.
        String officer = officer(ZHAMBYL);
        String head = head(ZHAMBYL);
        String a = requested(officer, registered(officer, registration(adult(), "OFFICIAL_WARNING", ZHAMBYL)), "removal",
                removal());
        String b = requested(officer, registered(officer, registration(adult(), "OFFICIAL_WARNING", ZHAMBYL)), "removal",
                removal());
        get(head, "/api/v1/approvals?kind=REMOVAL").statusCode(200).body("items.id", equalTo(List.of(a, b)))
                .body("total", equalTo(2));
        get(head, "/api/v1/approvals?size=1&page=1").statusCode(200).body("items.id", equalTo(List.of(b)));
        get(head, "/api/v1/approvals?kind=EXTENSION").statusCode(200).body("total", equalTo(0));
        get(head, "/api/v1/approvals?status=SOMETHING").statusCode(400).contentType("application/problem+json");
        get(head, "/api/v1/approvals/" + java.util.UUID.randomUUID()).statusCode(404)
                .contentType("application/problem+json").body("type", endsWith("not-found"));
    }

    private List<String> auditRows(String entryId) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT actor, details FROM audit_log WHERE resource_id = ? ORDER BY id")) {
            ps.setString(1, entryId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
        }
        return rows;
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> eventTypes(String entryId) {
        return events(entryId).stream().map(e -> e.path("type").asText()).toList();
    }

    /** The entry's events on the topic, once the outbox has drained (so "not there" means not published). */
    private List<JsonNode> events(String entryId) {
        return PublishedEvents.on("prevention.registry.entries", dataSource).stream()
                .filter(e -> entryId.equals(e.path("subject").asText())).toList();
    }
}
