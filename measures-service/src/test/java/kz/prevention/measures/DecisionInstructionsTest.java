package kz.prevention.measures;

import static kz.prevention.measures.support.MeasuresApi.ALMATY;
import static kz.prevention.measures.support.MeasuresApi.ALMATY_DISTRICT;
import static kz.prevention.measures.support.MeasuresApi.decide;
import static kz.prevention.measures.support.MeasuresApi.deliver;
import static kz.prevention.testing.AuthorizedRequests.get;
import static kz.prevention.measures.support.MeasuresApi.instruction;
import static kz.prevention.testing.TestTokens.juvenile;
import static kz.prevention.measures.support.MeasuresApi.planOf;
import static kz.prevention.testing.TestTokens.supervisor;
import static kz.prevention.measures.support.MeasuresApi.today;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.testing.TestTokens;
import kz.prevention.measures.support.MeasuresApi;
import kz.prevention.measures.support.MeasuresApi.Entry;

/** A commission's instructions become measures linked to its decision, each exactly once. */
@QuarkusTest
class DecisionInstructionsTest {

    @Test
    void eachInstructionBecomesAMeasureOrSaysWhyNot() {
        Entry child = new Entry(ALMATY_DISTRICT, true);
        child.register();
        String plan = planOf(child);
        Entry notYetHere = new Entry(ALMATY_DISTRICT, true);

        UUID decision = decide(ALMATY_DISTRICT, List.of(
                instruction("1", child.id, "PEDAGOGICAL_ESCORT", "EDUCATION", today().plusDays(60)),
                instruction("2", child.id, "PROTECTIVE_ORDER", "EDUCATION", today().plusDays(10)),
                instruction("3", null, "NEGLECT_OF_MINORS", "AKIMAT", today().plusDays(90)),
                instruction("4", notYetHere.id, "PSYCHOLOGICAL_HELP", "NGO", today().plusDays(30)),
                instruction("5", null, "PEDAGOGICAL_ESCORT", "EDUCATION", today().plusDays(30)))).id();
        String path = "/api/v1/decisions/" + decision + "/instructions";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(supervisor(), path).statusCode(200).body("$", hasSize(5)));

        get(supervisor(), path).body("find { it.instructionId == '1' }.status", equalTo("APPLIED"))
                .body("find { it.instructionId == '1' }.measureId", notNullValue())
                .body("find { it.instructionId == '2' }.status", equalTo("REJECTED"))
                .body("find { it.instructionId == '2' }.reason", containsString("POLICE"))
                .body("find { it.instructionId == '3' }.status", equalTo("APPLIED"))
                .body("find { it.instructionId == '4' }.status", equalTo("WAITING_FOR_PLAN"))
                .body("find { it.instructionId == '5' }.status", equalTo("REJECTED"));
        get(juvenile(ALMATY), "/api/v1/plans/" + plan).body("measures", hasSize(1))
                .body("measures[0].decisionId", equalTo(decision.toString()))
                .body("measures[0].instructionId", equalTo("1"));
        get(juvenile(ALMATY), "/api/v1/plans?decisionId=" + decision).body("items[0].kind", equalTo("GENERAL"));

        notYetHere.register();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(supervisor(), path)
                .body("find { it.instructionId == '4' }.status", equalTo("APPLIED")));
        get(juvenile(ALMATY), "/api/v1/plans/" + planOf(notYetHere)).body("measures[0].type", equalTo("PSYCHOLOGICAL_HELP"));
    }

    @Test
    void aDecisionDeliveredTwiceAssignsItsMeasuresOnce() {
        Entry child = new Entry(ALMATY_DISTRICT, true);
        child.register();
        String plan = planOf(child);
        MeasuresApi.Decision decision = decide(ALMATY_DISTRICT, List.of(
                instruction("1", child.id, "PSYCHOLOGICAL_HELP", "HEALTH", today().plusDays(30))));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(juvenile(ALMATY), "/api/v1/plans/" + plan)
                .body("measures", hasSize(1)));
        double before = PlanLifecycleTest.duplicatesSeenBy("decisions");

        deliver("prevention.commission.decisions", decision.id().toString(), decision.envelope());
        await().atMost(Duration.ofSeconds(20)).until(() -> PlanLifecycleTest.duplicatesSeenBy("decisions") > before);

        get(juvenile(ALMATY), "/api/v1/plans/" + plan).body("measures", hasSize(1));
    }

    @Test
    void instructionsAreVisibleOnlyWithinTheCallersTerritory() {
        UUID decision = decide(ALMATY_DISTRICT, List.of(instruction("1", null, "LEGAL_EDUCATION", "JUSTICE",
                today().plusDays(30)))).id();
        String path = "/api/v1/decisions/" + decision + "/instructions";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(supervisor(), path).body("$", hasSize(1)));

        get(juvenile(ALMATY), path).statusCode(200).body("$", hasSize(1));
        get(juvenile("710000000"), path).statusCode(200).body("$", hasSize(0));
        get(TestTokens.executor("JUSTICE", ALMATY), path).statusCode(403);
    }
}
