package kz.prevention.eventing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.eventing.ledger.AccountCredited;
import kz.prevention.eventing.ledger.LedgerService;

/** What a service serves about its events: the catalog, its AsyncAPI document, and the metrics. */
@QuarkusTest
class CatalogEndpointsTest {

    @Inject
    LedgerService ledger;

    @Test
    void metricsShowTheOutboxAndTheInbox() {
        ledger.credit(LedgerProbe.accounts(1).get(0), 1);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("eventing_outbox_backlog"))
                .body(containsString("eventing_outbox_oldest_pending_age_seconds"))
                .body(containsString("eventing_outbox_parked"))
                .body(containsString("eventing_outbox_publish_latency_seconds"))
                .body(containsString("eventing_inbox_applied_total{consumer=\"ledger-projection\""))
                .body(containsString("eventing_inbox_anomalies_total{consumer=\"ledger-projection\",kind=\"gap\"}"))
                .body(containsString("eventing_inbox_dead_lettered_total")));
    }

    @Test
    void theCatalogAndItsAsyncApiDocumentAreServed() {
        given().when().get("/api/v1/event-catalog").then().statusCode(200)
                .body("events.type", hasItem(AccountCredited.TYPE))
                .body("topics.name", hasItem("prevention.registry.entries"));
        given().when().get("/api/v1/event-catalog/asyncapi").then().statusCode(200)
                .body("asyncapi", equalTo("3.0.0"))
                .body("channels.'test.ledger.accounts'.address", equalTo(LedgerProbe.TOPIC))
                .body("components.messages.'" + AccountCredited.TYPE + "'.payload", notNullValue());
        given().when().get("/api/v1/event-catalog/schemas/" + AccountCredited.TYPE).then().statusCode(200)
                .body("title", equalTo("AccountCredited"));
        given().when().get("/api/v1/event-catalog/schemas/kz.prevention.nothing.v1").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
