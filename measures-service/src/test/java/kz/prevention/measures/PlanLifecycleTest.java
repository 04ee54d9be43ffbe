package kz.prevention.measures;

import static kz.prevention.measures.support.MeasuresApi.ALMATY;
import static kz.prevention.measures.support.MeasuresApi.ALMATY_DISTRICT;
import static kz.prevention.measures.support.MeasuresApi.ASTANA;
import static kz.prevention.measures.support.MeasuresApi.ASTANA_DISTRICT;
import static kz.prevention.measures.support.MeasuresApi.assign;
import static kz.prevention.measures.support.MeasuresApi.assigned;
import static kz.prevention.testing.TestTokens.juvenile;
import static kz.prevention.measures.support.MeasuresApi.deliver;
import static kz.prevention.measures.support.MeasuresApi.etag;
import static kz.prevention.measures.support.MeasuresApi.executor;
import static kz.prevention.testing.AuthorizedRequests.get;
import static kz.prevention.measures.support.MeasuresApi.measure;
import static kz.prevention.testing.TestTokens.officer;
import static kz.prevention.measures.support.MeasuresApi.planOf;
import static kz.prevention.testing.AuthorizedRequests.post;
import static kz.prevention.measures.support.MeasuresApi.today;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import kz.prevention.measures.support.MeasuresApi.Entry;

/** The plan follows its registry entry: opened once, moved on transfer, closed on removal. */
@QuarkusTest
class PlanLifecycleTest {

    @Test
    void aRegisteredEntryOpensExactlyOnePlanEvenWhenItsEventIsDeliveredTwice() {
        Entry entry = new Entry(ALMATY_DISTRICT, false);
        byte[] registered = entry.register();
        String planId = planOf(entry);
        double duplicatesBefore = duplicatesSeenBy("plans");

        deliver("prevention.registry.entries", entry.id.toString(), registered);
        await().atMost(Duration.ofSeconds(20)).until(() -> duplicatesSeenBy("plans") > duplicatesBefore);

        get(officer(ALMATY), "/api/v1/plans?entryId=" + entry.id).statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(planId))
                .body("items[0].status", equalTo("OPEN")).body("items[0].kind", equalTo("INDIVIDUAL"))
                .body("items[0].personId", equalTo(entry.personId.toString()))
                .body("items[0].groundingMeasure", equalTo("PROTECTIVE_ORDER"));
    }

    @Test
    void removingTheEntryClosesThePlanAndCancelsItsUnfinishedMeasures() {
        Entry entry = new Entry(ALMATY_DISTRICT, false);
        entry.register();
        String planId = planOf(entry);
        String planned = assigned(officer(ALMATY), planId, measure("PREVENTIVE_CONVERSATION", "POLICE", today().plusDays(5)));
        String done = assigned(officer(ALMATY), planId, measure("SOCIAL_REHABILITATION", "SOCIAL", today().plusDays(60)));
        String social = executor("SOCIAL", ALMATY);
        post(social, "/api/v1/measures/" + done + "/start", etag(social, done), "{}").statusCode(200);
        post(social, "/api/v1/measures/" + done + "/completion", etag(social, done),
                Map.of("result", "трудоустроен", "evidenceRef", "приказ 12")).statusCode(200);

        entry.remove();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(officer(ALMATY), "/api/v1/plans/" + planId)
                .statusCode(200).body("status", equalTo("CLOSED")).body("closeReason", equalTo("ENTRY_REMOVED")));
        get(officer(ALMATY), "/api/v1/measures/" + planned).body("status", equalTo("CANCELLED"))
                .body("cancelReason", equalTo("PLAN_CLOSED"));
        get(officer(ALMATY), "/api/v1/measures/" + done).body("status", equalTo("DONE"));
        assign(officer(ALMATY), planId, measure("PREVENTIVE_CONVERSATION", "POLICE", today().plusDays(5))).statusCode(409);
    }

    @Test
    void aTransferredEntryTakesItsPlanAndMeasuresToTheNewTerritory() {
        Entry entry = new Entry(ALMATY_DISTRICT, false);
        entry.register();
        String planId = planOf(entry);
        String m = assigned(officer(ALMATY), planId, measure("PREVENTIVE_CONVERSATION", "POLICE", today().plusDays(5)));

        entry.transfer(ASTANA_DISTRICT);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(officer(ASTANA), "/api/v1/plans/" + planId)
                .statusCode(200).body("region", equalTo(ASTANA_DISTRICT)).body("measures", hasSize(1)));
        get(officer(ALMATY), "/api/v1/plans/" + planId).statusCode(404);
        get(officer(ASTANA), "/api/v1/measures/" + m).statusCode(200).body("region", equalTo(ASTANA_DISTRICT));
        get(officer(ASTANA), "/api/v1/plans/" + planId + "/history").statusCode(200)
                .body("action", org.hamcrest.Matchers.hasItems("OPENED", "TRANSFERRED"));
    }

    @Test
    void aMinorsPlanIsVisibleOnlyToJuvenileInspectors() {
        Entry entry = new Entry(ALMATY_DISTRICT, true);
        entry.register();
        String planId = planOf(entry);

        get(officer(ALMATY), "/api/v1/plans/" + planId).statusCode(404);
        get(officer(ALMATY), "/api/v1/plans?entryId=" + entry.id).statusCode(200).body("total", equalTo(0));
        get(juvenile(ALMATY), "/api/v1/plans/" + planId).statusCode(200).body("minor", equalTo(true));
    }

    static double duplicatesSeenBy(String consumer) {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("eventing_inbox_duplicates_total") && l.contains("\"" + consumer + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
