package kz.prevention.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * Registry → commission → measures → commission across the running platform, every call with a
 * token Keycloak issued to a demo user (issue 11, first "Done when"): a minor registered in
 * district X becomes a proposed item of X's commission on minors' affairs and not of district
 * Y's; the secretary accepts it into a session; the sitting, once quorate, votes and the chair
 * signs a decision with three instructions; measures-service makes three measures of them, in the
 * minor's plan and in the executing agencies' queues; the executors complete two and
 * commission-service marks those instructions executed on its dashboard; the third is let pass its
 * deadline and comes back as a proposed item for the commission's next session.
 *
 * <p>A deadline cannot pass within a test (it must fall after the sitting, which cannot be held
 * before today), so for the last step commission-service is restarted with its date moved past the
 * deadline ({@code PREVENTION_DATE_OFFSET}, platform-commons' {@code Today}) and its deadline
 * monitor run every two seconds, then restarted again as it was.
 */
@ExtendWith(RunningPlatform.class)
class CommissionFlowIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Almaty"));

    /** Two districts of Almaty (KATO level 2), and the rural district of X where the minor lives. */
    private static final String DISTRICT_X = "751100000";
    private static final String DISTRICT_Y = "751200000";
    private static final String HOME_IN_X = "751110000";

    private static final String CHAIR = "chair.almaty";
    private static final int REHABILITATION_DUE_IN_DAYS = 20;
    private static final List<String> MEMBERS = List.of(CHAIR, "member.almaty", "member2.almaty", "member3.almaty");

    @Test
    void aMinorRegisteredInDistrictXIsDecidedByXsCommissionWhoseInstructionsBecomeMeasuresAndAreExecutedOrProposedWhenOverdue() {
        // 1. The city's secretary sets up the two districts' commissions on minors' affairs.
        String secretary = Keycloak.userToken("secretary.almaty", Keycloak.COMMISSION);
        String commissionX = createCommission(secretary, DISTRICT_X, "Бостандыкского");
        Map<String, String> memberIds = new LinkedHashMap<>();
        memberIds.put(CHAIR, addMember(secretary, commissionX, CHAIR, "CHAIR", "AKIMAT", "заместитель акима района"));
        memberIds.put("member.almaty", addMember(secretary, commissionX, "member.almaty", "MEMBER", "POLICE",
                "начальник отдела ювенальной полиции"));
        memberIds.put("member2.almaty", addMember(secretary, commissionX, "member2.almaty", "MEMBER", "EDUCATION",
                "руководитель отдела образования"));
        memberIds.put("member3.almaty", addMember(secretary, commissionX, "member3.almaty", "MEMBER", "HEALTH",
                "главный врач районной поликлиники"));
        String commissionY = createCommission(secretary, DISTRICT_Y, "Алмалинского");
        addMember(secretary, commissionY, "member.almaty", "CHAIR", "AKIMAT", "заместитель акима района");

        // 2. The juvenile inspector registers a minor living in district X: X's commission is proposed the case, Y's is not.
        String entryId = Registrations.minor(Keycloak.userToken("juvenile.almaty", Keycloak.REGISTRY), HOME_IN_X);
        String juvenile = Keycloak.userToken("juvenile.almaty", Keycloak.MEASURES);
        // The first event after start also pays for the consumer's partition assignment.
        List<String> proposedToX = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> proposedEntries(secretary, commissionX), l -> l.contains(entryId));
        assertThat(proposedToX).containsOnlyOnce(entryId);
        assertThat(proposedEntries(secretary, commissionY)).doesNotContain(entryId);
        String item = commission(secretary, "/commissions/" + commissionX + "/agenda-items").statusCode(200).extract()
                .jsonPath().getString("find { it.entryId == '" + entryId + "' }.id");
        commission(secretary, "/agenda-items/" + item).statusCode(200).body("kind", equalTo("MINOR_CASE"))
                .body("status", equalTo("PROPOSED")).body("source", equalTo("EVENT"));

        // 3. The secretary accepts it into today's session and drafts the decision with three instructions.
        String session = post(secretary, commissionUrl("/commissions/" + commissionX + "/sessions"),
                Map.of("date", TODAY.toString(), "place", "Акимат Бостандыкского района, зал заседаний"))
                .statusCode(201).extract().path("id");
        post(secretary, commissionUrl("/agenda-items/" + item + "/acceptance"),
                Map.of("sessionId", session, "reason", "материалы инспектора по делам несовершеннолетних полные"))
                .statusCode(200).body("status", equalTo("ACCEPTED")).body("sessionId", equalTo(session));
        commission(secretary, "/sessions/" + session + "/agenda").statusCode(200).body("id", equalTo(List.of(item)));
        String decisionId = post(secretary, commissionUrl("/agenda-items/" + item + "/decision"), decision(entryId))
                .statusCode(201).extract().path("id");

        // The sitting: with two of four present there is no quorum (two thirds, rounded up: 3) and no vote.
        attendance(secretary, session, memberIds, CHAIR, "member.almaty").statusCode(200)
                .body("members", equalTo(4)).body("present", equalTo(2)).body("required", equalTo(3))
                .body("quorate", equalTo(false));
        vote(CHAIR, item, "FOR", null).statusCode(409);
        attendance(secretary, session, memberIds, CHAIR, "member.almaty", "member2.almaty").statusCode(200)
                .body("present", equalTo(3)).body("quorate", equalTo(true));
        vote("member.almaty", item, "AGAINST", memberIds.get("member2.almaty")).statusCode(403);
        vote(CHAIR, item, "FOR", null).statusCode(200);
        vote("member.almaty", item, "FOR", memberIds.get("member.almaty")).statusCode(200);
        vote("member2.almaty", item, "FOR", null).statusCode(200);
        vote(CHAIR, item, "AGAINST", null).statusCode(409);
        vote("member3.almaty", item, "FOR", null).statusCode(409);
        commission(secretary, "/agenda-items/" + item + "/votes").statusCode(200)
                .body("forVotes", equalTo(3)).body("against", equalTo(0)).body("outcome", equalTo("ADOPTED"));

        // Only the presiding chair signs; then the decision is adopted, published and final.
        post(Keycloak.userToken("member.almaty", Keycloak.COMMISSION), commissionUrl("/sessions/" + session + "/sign-off"), Map.of()).statusCode(403);
        post(Keycloak.userToken(CHAIR, Keycloak.COMMISSION), commissionUrl("/sessions/" + session + "/sign-off"), Map.of()).statusCode(200)
                .body("status", equalTo("SIGNED"));
        JsonPath decision = commission(secretary, "/decisions/" + decisionId).statusCode(200)
                .body("status", equalTo("ADOPTED")).body("votesFor", equalTo(3)).body("instructions", hasSize(3))
                .extract().jsonPath();
        String escort = decision.getString("instructions.find { it.measureType == 'PEDAGOGICAL_ESCORT' }.id");
        String help = decision.getString("instructions.find { it.measureType == 'PSYCHOLOGICAL_HELP' }.id");
        String rehabilitation = decision.getString("instructions.find { it.measureType == 'SOCIAL_REHABILITATION' }.id");
        String decisionEtag = given().auth().oauth2(secretary).get(commissionUrl("/decisions/" + decisionId))
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(secretary).header("If-Match", decisionEtag).contentType(ContentType.JSON)
                .body(Map.of("text", "Исправленный текст")).patch(commissionUrl("/decisions/" + decisionId))
                .then().statusCode(409).contentType("application/problem+json");

        // 4. measures-service makes a measure of each instruction, in the minor's plan and in each agency's queue.
        String instructionsUrl = measuresUrl("/decisions/" + decisionId + "/instructions");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> given()
                .auth().oauth2(juvenile).get(instructionsUrl).then().statusCode(200)
                .body("$", hasSize(3)).body("status", equalTo(List.of("APPLIED", "APPLIED", "APPLIED"))));
        JsonPath applied = given().auth().oauth2(juvenile).get(instructionsUrl).then().statusCode(200).extract().jsonPath();
        String escortMeasure = applied.getString("find { it.instructionId == '" + escort + "' }.measureId");
        String helpMeasure = applied.getString("find { it.instructionId == '" + help + "' }.measureId");
        assertThat(escortMeasure).isNotNull().isNotEqualTo(helpMeasure);
        assertThat(helpMeasure).isNotNull();
        String plan = given().auth().oauth2(juvenile).queryParam("entryId", entryId).get(measuresUrl("/plans"))
                .then().statusCode(200).body("total", equalTo(1)).extract().path("items[0].id");
        JsonPath planMeasures = given().auth().oauth2(juvenile).get(measuresUrl("/plans/" + plan)).then().statusCode(200)
                .extract().jsonPath();
        String rehabilitationMeasure = applied.getString("find { it.instructionId == '" + rehabilitation + "' }.measureId");
        assertThat(planMeasures.getList("measures.findAll { it.decisionId == '" + decisionId + "' }.id", String.class))
                .containsExactlyInAnyOrder(escortMeasure, helpMeasure, rehabilitationMeasure);
        // A decision names an agency, not an organisation: the juvenile inspector routes each measure to the
        // organisation that carries it out (the realm's executor.school and executor.health work for these BINs).
        route(juvenile, escortMeasure, "990540004566");
        route(juvenile, helpMeasure, "050640003212");
        String school = Keycloak.userToken("executor.school", Keycloak.MEASURES);
        String health = Keycloak.userToken("executor.health", Keycloak.MEASURES);
        assertThat(queueOf(school)).contains(escortMeasure).doesNotContain(helpMeasure);
        assertThat(queueOf(health)).contains(helpMeasure).doesNotContain(escortMeasure);
        // commission-service links each instruction to its measure from measure.assigned.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                commission(secretary, "/decisions/" + decisionId).statusCode(200)
                        .body("instructions.find { it.id == '" + escort + "' }.measureId", equalTo(escortMeasure))
                        .body("instructions.find { it.id == '" + help + "' }.measureId", equalTo(helpMeasure))
                        .body("instructions.find { it.id == '" + rehabilitation + "' }.measureId", equalTo(rehabilitationMeasure))
                        .body("instructions.status", equalTo(List.of("ASSIGNED", "ASSIGNED", "ASSIGNED"))));

        // 5. Two executors start and complete their measures; the commission sees those instructions executed on time.
        complete(school, escortMeasure, "Проведено 6 занятий с педагогом-психологом школы", "Протокол совета профилактики № 7");
        complete(health, helpMeasure, "Проведён курс психологической помощи, 5 консультаций", "Справка КГП на ПХВ № 112");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                commission(secretary, "/decisions/" + decisionId).statusCode(200)
                        .body("instructions.find { it.id == '" + escort + "' }.status", equalTo("EXECUTED"))
                        .body("instructions.find { it.id == '" + help + "' }.status", equalTo("EXECUTED"))
                        .body("instructions.find { it.id == '" + help + "' }.executedOn", equalTo(TODAY.toString()))
                        .body("instructions.find { it.id == '" + rehabilitation + "' }.status", equalTo("ASSIGNED")));
        commission(secretary, "/commissions/" + commissionX + "/execution").statusCode(200)
                .body("executedOnTime", equalTo(2)).body("executedLate", equalTo(0)).body("openOnTime", equalTo(1))
                .body("overdue", equalTo(0)).body("cancelled", equalTo(0)).body("total", equalTo(3));
        assertThat(given().auth().oauth2(secretary).queryParam("status", "EXECUTED")
                .get(commissionUrl("/commissions/" + commissionX + "/execution/instructions")).then().statusCode(200)
                .extract().jsonPath().getList("id", String.class)).containsExactlyInAnyOrder(escort, help);
        assertThat(given().auth().oauth2(secretary).queryParam("status", "OPEN")
                .get(commissionUrl("/commissions/" + commissionX + "/execution/instructions")).then().statusCode(200)
                .extract().jsonPath().getList("id", String.class)).containsExactly(rehabilitation);
        commission(secretary, "/commissions/" + commissionY + "/execution").statusCode(200).body("total", equalTo(0));

        // 6. The third instruction's deadline passes unexecuted: it comes back as a proposed item of X's commission.
        int daysPastDeadline = REHABILITATION_DUE_IN_DAYS + 5;
        try {
            RunningPlatform.restart("commission-service", Map.of("PREVENTION_DATE_OFFSET", "P" + daysPastDeadline + "D",
                    "COMMISSION_OVERDUE_CRON", "*/2 * * * * ?"));
            String overdueItem = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> commission(secretary, "/commissions/" + commissionX + "/agenda-items").statusCode(200)
                            .extract().jsonPath().getString("find { it.instructionId == '" + rehabilitation + "' }.id"),
                            id -> id != null);
            commission(secretary, "/agenda-items/" + overdueItem).statusCode(200).body("kind", equalTo("OVERDUE_INSTRUCTION"))
                    .body("status", equalTo("PROPOSED")).body("source", equalTo("EVENT")).body("sessionId", equalTo(null));
            commission(secretary, "/decisions/" + decisionId).statusCode(200)
                    .body("instructions.find { it.id == '" + rehabilitation + "' }.overdueSince",
                            equalTo(TODAY.plusDays(daysPastDeadline).toString()));
            commission(secretary, "/commissions/" + commissionX + "/execution").statusCode(200)
                    .body("executedOnTime", equalTo(2)).body("overdue", equalTo(1)).body("total", equalTo(3));
            assertThat(commission(secretary, "/commissions/" + commissionY + "/agenda-items").statusCode(200).extract()
                    .jsonPath().getList("instructionId", String.class)).doesNotContain(rehabilitation);
        } finally {
            RunningPlatform.restart("commission-service", Map.of());
        }
    }

    private static String createCommission(String secretary, String district, String districtName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "MINORS_AFFAIRS");
        body.put("level", "DISTRICT");
        body.put("territory", district);
        body.put("name", "Комиссия по делам несовершеннолетних и защите их прав акимата " + districtName + " района");
        body.put("approvingAct", Map.of("authority", "MASLIKHAT", "number", "12/145", "date", TODAY.minusMonths(9).toString()));
        return given().auth().oauth2(secretary).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(body).post(commissionUrl("/commissions"))
                .then().statusCode(201).body("territory", equalTo(district)).extract().path("id");
    }

    private static String addMember(String secretary, String commission, String username, String role, String agency,
            String position) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", "Член комиссии " + username);
        body.put("username", username);
        body.put("agency", agency);
        body.put("position", position);
        body.put("role", role);
        body.put("from", TODAY.minusMonths(6).toString());
        return post(secretary, commissionUrl("/commissions/" + commission + "/members"), body).statusCode(201)
                .extract().path("id");
    }

    private static List<String> proposedEntries(String secretary, String commission) {
        return commission(secretary, "/commissions/" + commission + "/agenda-items").statusCode(200).extract().jsonPath()
                .getList("entryId", String.class);
    }

    /** The decision on the minor's case: pedagogical escort by the school, psychological help by the clinic. */
    private static Map<String, Object> decision(String entryId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", "Организовать индивидуальную профилактическую работу с несовершеннолетним");
        body.put("legalBasis", "ст. 79 Закона РК «О профилактике правонарушений»");
        body.put("instructions", List.of(
                instruction("EDUCATION", "PEDAGOGICAL_ESCORT", "Обеспечить педагогическое сопровождение", entryId, 30),
                instruction("HEALTH", "PSYCHOLOGICAL_HELP", "Оказать психологическую помощь", entryId, 45),
                instruction("SOCIAL", "SOCIAL_REHABILITATION", "Включить семью в программу социальной реабилитации", entryId,
                        REHABILITATION_DUE_IN_DAYS)));
        return body;
    }

    private static void route(String planner, String measureId, String organisation) {
        String etag = given().auth().oauth2(planner).get(measuresUrl("/measures/" + measureId)).then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(planner).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("organisation", organisation)).patch(measuresUrl("/measures/" + measureId)).then()
                .statusCode(200);
    }

    private static Map<String, Object> instruction(String agency, String type, String content, String entryId, int dueInDays) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("executingAgency", agency);
        m.put("measureType", type);
        m.put("content", content + " — ә ғ қ ң ө ұ ү һ і");
        m.put("dueDate", TODAY.plusDays(dueInDays).toString());
        m.put("entryId", entryId);
        return m;
    }

    private static ValidatableResponse attendance(String secretary, String session, Map<String, String> memberIds,
            String... present) {
        return given().auth().oauth2(secretary).contentType(ContentType.JSON)
                .body(Map.of("present", java.util.Arrays.stream(present).map(memberIds::get).toList()))
                .put(commissionUrl("/sessions/" + session + "/attendance")).then();
    }

    /** A vote cast with the member's own Keycloak token; {@code memberId}, when given, names whose vote it claims to be. */
    private static ValidatableResponse vote(String username, String item, String choice, String memberId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("choice", choice);
        if (memberId != null) {
            body.put("memberId", memberId);
        }
        return post(Keycloak.userToken(username, Keycloak.COMMISSION), commissionUrl("/agenda-items/" + item + "/votes"), body);
    }

    private static List<String> queueOf(String executor) {
        return given().auth().oauth2(executor).queryParam("size", 100).get(measuresUrl("/assignments"))
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }

    /** The executing agency's two steps, each under the measure's current ETag. */
    private static void complete(String executor, String measure, String result, String evidence) {
        String url = measuresUrl("/measures/" + measure);
        given().auth().oauth2(executor).header("If-Match", etag(executor, url)).contentType(ContentType.JSON).body("{}")
                .post(url + "/start").then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
        given().auth().oauth2(executor).header("If-Match", etag(executor, url)).contentType(ContentType.JSON)
                .body(Map.of("result", result, "evidenceRef", evidence, "completedOn", TODAY.toString()))
                .post(url + "/completion").then().statusCode(200).body("status", equalTo("DONE"));
    }

    private static String etag(String token, String url) {
        return given().auth().oauth2(token).get(url).then().statusCode(200).extract().header("ETag");
    }

    private static ValidatableResponse commission(String token, String path) {
        return given().auth().oauth2(token).get(commissionUrl(path)).then();
    }

    private static ValidatableResponse post(String token, String url, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(url).then();
    }

    private static String commissionUrl(String path) {
        return RunningPlatform.serviceUrl("commission-service") + "/api/v1" + path;
    }

    private static String measuresUrl(String path) {
        return RunningPlatform.serviceUrl("measures-service") + "/api/v1" + path;
    }
}
