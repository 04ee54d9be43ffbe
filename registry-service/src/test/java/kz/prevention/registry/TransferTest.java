package kz.prevention.registry;

import static kz.prevention.registry.support.RegistryApi.ALMATY;
import static kz.prevention.registry.support.RegistryApi.ASTANA;
import static kz.prevention.registry.support.RegistryApi.ASTANA_DISTRICT;
import static kz.prevention.registry.support.RegistryApi.adult;
import static kz.prevention.registry.support.RegistryApi.approve;
import static kz.prevention.registry.support.RegistryApi.head;
import static kz.prevention.registry.support.RegistryApi.requested;
import static kz.prevention.registry.support.RegistryApi.etag;
import static kz.prevention.testing.AuthorizedRequests.get;
import static kz.prevention.testing.TestTokens.officer;
import static kz.prevention.testing.TestTokens.supervisor;
import static org.assertj.core.api.Assertions.assertThat;
import static kz.prevention.testing.AuthorizedRequests.post;
import static kz.prevention.registry.support.RegistryApi.registered;
import static kz.prevention.registry.support.RegistryApi.registration;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TransferTest {

    /** An If-Match naming a version the entry never had. */
    private static final String STALE = "\"999999\"";

    private final String almaty = officer(ALMATY);
    private final String astana = officer(ASTANA);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theReceivingBodyAcceptsAndFromThenKeepsTheEntry() {
        String id = registered(almaty, registration(adult(), "OFFICIAL_WARNING", ALMATY));
        get(astana, "/api/v1/entries/" + id).statusCode(404);

        String approval = requested(almaty, id, "transfer", Map.of("toRegion", ASTANA_DISTRICT,
                "reason", "смена места жительства", "newAddress", "г. Астана, пр. Республики, 5"));
        get(almaty, "/api/v1/entries/" + id).body("pendingTransfer", equalTo(null));
        get(astana, "/api/v1/entries/" + id).statusCode(404);
        approve(head(ALMATY), approval).statusCode(200);
        get(almaty, "/api/v1/entries/" + id).statusCode(200)
                .body("pendingTransfer.toRegion", equalTo(ASTANA_DISTRICT))
                .body("pendingTransfer.fileDueDate", notNullValue());
        // A search's page shows it too (its pending transfers are read in one query for the page).
        get(almaty, "/api/v1/entries?size=100").statusCode(200)
                .body("items.find { it.id == '" + id + "' }.pendingTransfer.toRegion", equalTo(ASTANA_DISTRICT));
        get(astana, "/api/v1/transfers?direction=incoming").statusCode(200).body("items.entryId", hasItem(id));
        get(almaty, "/api/v1/transfers?direction=outgoing").statusCode(200).body("items.entryId", hasItem(id));

        post(astana, "/api/v1/entries/" + id + "/transfer/acceptance", etag(astana, id), Map.of(
                "registeringBody", "УП района Байқоңыр ДП г. Астаны",
                "responsibleOfficer", Map.of("name", "Ахметов Д. С.", "rank", "старший лейтенант полиции")))
                .statusCode(200)
                .body("region", equalTo(ASTANA_DISTRICT))
                .body("pendingTransfer", equalTo(null));

        get(almaty, "/api/v1/entries/" + id).statusCode(404);
        get(astana, "/api/v1/entries/" + id + "/history").statusCode(200)
                .body("action", hasItem("TRANSFER_ACCEPTED"));
    }

    @Test
    void aRejectedTransferLeavesTheEntryWhereItWas() {
        String id = registered(almaty, registration(adult(), "PAROLE", ALMATY));
        approve(head(ALMATY), requested(almaty, id, "transfer", Map.of("toRegion", ASTANA_DISTRICT,
                "reason", "смена места жительства"))).statusCode(200);

        post(astana, "/api/v1/entries/" + id + "/transfer/rejection", etag(astana, id),
                Map.of("reason", "по указанному адресу не проживает")).statusCode(200)
                .body("region", equalTo(ALMATY))
                .body("pendingTransfer", equalTo(null));

        get(astana, "/api/v1/entries/" + id).statusCode(404);
        get(almaty, "/api/v1/entries/" + id).statusCode(200).body("region", equalTo(ALMATY));
    }

    @Test
    void onlyTheReceivingTerritoryDecides() {
        String id = registered(almaty, registration(adult(), "PAROLE", ALMATY));
        approve(head(ALMATY), requested(almaty, id, "transfer", Map.of("toRegion", ASTANA_DISTRICT,
                "reason", "смена места жительства"))).statusCode(200);

        post(almaty, "/api/v1/entries/" + id + "/transfer/acceptance", etag(almaty, id), Map.of(
                "registeringBody", "x", "responsibleOfficer", Map.of("name", "x"))).statusCode(403);
        get(almaty, "/api/v1/entries/" + id).body("region", not(equalTo(ASTANA_DISTRICT)));
    }

    @Test
    void anAgencyThatKeepsNoRegistryDoesNotDecideATransferIntoItsTerritory() {
        String id = registered(almaty, registration(adult(), "PAROLE", ALMATY));
        approve(head(ALMATY), requested(almaty, id, "transfer", Map.of("toRegion", ASTANA_DISTRICT,
                "reason", "смена места жительства"))).statusCode(200);
        String school = kz.prevention.testing.TestTokens.user("officer.education." + ASTANA).roles("registry-officer")
                .agency("EDUCATION").region(ASTANA).sign();

        post(school, "/api/v1/entries/" + id + "/transfer/acceptance", etag(school, id), Map.of(
                "registeringBody", "школа", "responsibleOfficer", Map.of("name", "x"))).statusCode(403);
        post(school, "/api/v1/entries/" + id + "/transfer/rejection", etag(school, id),
                Map.of("reason", "x")).statusCode(403);
        get(almaty, "/api/v1/entries/" + id).statusCode(200).body("region", equalTo(ALMATY))
                .body("pendingTransfer.toRegion", equalTo(ASTANA_DISTRICT));
    }

    @Test
    void aSecondTransferWhileOneIsPendingConflicts() {
        String id = registered(almaty, registration(adult(), "PAROLE", ALMATY));
        approve(head(ALMATY), requested(almaty, id, "transfer", Map.of("toRegion", ASTANA_DISTRICT,
                "reason", "смена места жительства"))).statusCode(200);

        post(almaty, "/api/v1/entries/" + id + "/transfer", etag(almaty, id), Map.of("toRegion", "790000000",
                "reason", "ещё раз")).statusCode(409);
    }

    /**
     * Each refusal of a decision by a caller who sees the entry is in the entry's access history, with
     * the rule that refused it (and nothing about the person).
     */
    @Test
    void aRefusedDecisionIsAuditedAsDeniedWithTheRule() throws SQLException {
        String id = pendingTransferIntoAstana();
        String iin = get(almaty, "/api/v1/entries/" + id).extract().path("person.iin");
        String school = kz.prevention.testing.TestTokens.user("officer.education." + ASTANA).roles("registry-officer")
                .agency("EDUCATION").region(ASTANA).sign();

        accept(almaty, id, etag(almaty, id)).statusCode(403);
        reject(supervisor(), id, etag(supervisor(), id)).statusCode(403);
        accept(school, id, etag(school, id)).statusCode(403);

        assertThat(deniedDetails(id, "officer." + ALMATY)).singleElement().asString()
                .endsWith("/transfer/acceptance: not the receiving territory of the transfer");
        assertThat(deniedDetails(id, "supervisor.kz")).singleElement().asString()
                .endsWith("/transfer/rejection: read-only role");
        assertThat(deniedDetails(id, "officer.education." + ASTANA)).singleElement().asString()
                .endsWith("/transfer/acceptance: agency does not keep the registry");
        assertThat(deniedDetails(id, "%")).isNotEmpty().allSatisfy(d -> assertThat(d).doesNotContain(iin));
    }

    /** Whether the caller may decide is answered before its ETag is looked at: a stale one changes nothing. */
    @Test
    void aCallerWhoMayNotDecideIsRefusedEvenWithAStaleETag() throws SQLException {
        String id = pendingTransferIntoAstana();

        accept(almaty, id, STALE).statusCode(403);
        reject(almaty, id, STALE).statusCode(403);
        reject(supervisor(), id, STALE).statusCode(403);

        assertThat(deniedDetails(id, "officer." + ALMATY)).hasSize(2);
        assertThat(deniedDetails(id, "supervisor.kz")).hasSize(1);
        get(almaty, "/api/v1/entries/" + id).statusCode(200).body("pendingTransfer.toRegion", equalTo(ASTANA_DISTRICT));
    }

    @Test
    void theReceivingBodyWithAStaleETagIsToldToReadAgain() throws SQLException {
        String id = pendingTransferIntoAstana();

        accept(astana, id, STALE).statusCode(412);
        reject(astana, id, STALE).statusCode(412);

        assertThat(deniedDetails(id, "%")).isEmpty();
        get(astana, "/api/v1/entries/" + id).statusCode(200).body("pendingTransfer.toRegion", equalTo(ASTANA_DISTRICT));
    }

    /** With no transfer pending, the keeping body is answered by If-Match first, then the state rule (409). */
    @Test
    void aDecisionWithNoTransferPendingConflicts() {
        String id = registered(almaty, registration(adult(), "PAROLE", ALMATY));

        accept(almaty, id, STALE).statusCode(412);
        accept(almaty, id, etag(almaty, id)).statusCode(409);
        reject(almaty, id, etag(almaty, id)).statusCode(409);
    }

    private String pendingTransferIntoAstana() {
        String id = registered(almaty, registration(adult(), "PAROLE", ALMATY));
        approve(head(ALMATY), requested(almaty, id, "transfer", Map.of("toRegion", ASTANA_DISTRICT,
                "reason", "смена места жительства"))).statusCode(200);
        return id;
    }

    private static io.restassured.response.ValidatableResponse accept(String token, String id, String ifMatch) {
        return post(token, "/api/v1/entries/" + id + "/transfer/acceptance", ifMatch, Map.of(
                "registeringBody", "УП района Байқоңыр ДП г. Астаны", "responsibleOfficer", Map.of("name", "x")));
    }

    private static io.restassured.response.ValidatableResponse reject(String token, String id, String ifMatch) {
        return post(token, "/api/v1/entries/" + id + "/transfer/rejection", ifMatch, Map.of("reason", "x"));
    }

    /** The details of the DENIED audit rows of the entry for the actor (a LIKE pattern), oldest first. */
    private List<String> deniedDetails(String entryId, String actor) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT details FROM audit_log WHERE resource_type = 'entry' AND resource_id = ? AND action = 'DENIED'"
                        + " AND actor LIKE ? ORDER BY id")) {
            ps.setString(1, entryId);
            ps.setString(2, actor);
            List<String> details = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    details.add(rs.getString(1));
                }
            }
            return details;
        }
    }
}
