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
import static kz.prevention.testing.AuthorizedRequests.post;
import static kz.prevention.registry.support.RegistryApi.registered;
import static kz.prevention.registry.support.RegistryApi.registration;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TransferTest {

    private final String almaty = officer(ALMATY);
    private final String astana = officer(ASTANA);

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
}
