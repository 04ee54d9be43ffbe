package kz.prevention.commission;

import static kz.prevention.commission.support.CommissionApi.ASTANA;
import static kz.prevention.commission.support.CommissionApi.DISTRICT_X;
import static kz.prevention.commission.support.CommissionApi.commission;
import static kz.prevention.commission.support.CommissionApi.commissionBody;
import static kz.prevention.commission.support.CommissionApi.createCommission;
import static kz.prevention.commission.support.CommissionApi.freshDistrict;
import static kz.prevention.commission.support.CommissionApi.member;
import static kz.prevention.commission.support.CommissionApi.memberBody;
import static kz.prevention.commission.support.CommissionApi.secretary;
import static kz.prevention.commission.support.CommissionApi.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.commission.support.CommissionApi.Built;
import kz.prevention.testing.AuthorizedRequests;

@QuarkusTest
class CommissionsTest {

    @Test
    void aNewCommissionGetsTheDatedDefaultRules() {
        String district = freshDistrict();
        createCommission(secretary(district), commissionBody("MINORS_AFFAIRS", "DISTRICT", district)).statusCode(201)
                .body("rules.quorumNumerator", equalTo(2)).body("rules.quorumDenominator", equalTo(3))
                .body("rules.majorityBase", equalTo("PRESENT")).body("rules.chairCastingVote", equalTo(true))
                .body("rules.source", equalTo("2026.11.26"));
    }

    @Test
    void theSecretarySetsTheCommissionsOwnRulesWithIfMatch() {
        Built c = commission("INTERDEPARTMENTAL", "DISTRICT", freshDistrict(), 1);
        String path = "/api/v1/commissions/" + c.id();
        String etag = AuthorizedRequests.get(c.secretaryToken(), path).statusCode(200).extract().header("ETag");
        Map<String, Object> rules = Map.of("quorumNumerator", 1, "quorumDenominator", 2, "majorityBase", "CAST",
                "chairCastingVote", false, "regularPeriodMonths", 2);
        AuthorizedRequests.patch(c.secretaryToken(), path, null, Map.of()).statusCode(405);
        io.restassured.RestAssured.given().auth().oauth2(c.secretaryToken()).contentType("application/json").body(rules)
                .put(path + "/rules").then().statusCode(428);
        io.restassured.RestAssured.given().auth().oauth2(c.secretaryToken()).contentType("application/json").body(rules)
                .header("If-Match", etag).put(path + "/rules").then().statusCode(200)
                .body("rules.majorityBase", equalTo("CAST")).body("rules.source", equalTo("custom"));
        io.restassured.RestAssured.given().auth().oauth2(c.secretaryToken()).contentType("application/json").body(rules)
                .header("If-Match", etag).put(path + "/rules").then().statusCode(412);
    }

    @Test
    void theTerritoryMustFitTheLevel() {
        createCommission(secretary(ASTANA), commissionBody("MINORS_AFFAIRS", "DISTRICT", ASTANA)).statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aSecretaryCannotCreateACommissionOutsideItsTerritory() {
        createCommission(secretary(DISTRICT_X), commissionBody("MINORS_AFFAIRS", "DISTRICT", "751200000")).statusCode(403);
    }

    @Test
    void oneCommissionOfAKindPerTerritoryAndLevel() {
        String district = freshDistrict();
        createCommission(secretary(district), commissionBody("MINORS_AFFAIRS", "DISTRICT", district)).statusCode(201);
        createCommission(secretary(district), commissionBody("MINORS_AFFAIRS", "DISTRICT", district)).statusCode(409);
        createCommission(secretary(district), commissionBody("INTERDEPARTMENTAL", "DISTRICT", district)).statusCode(201);
    }

    @Test
    void aMemberSeesTheCommissionsItBelongsToAndNoOther() {
        Built mine = commission("MINORS_AFFAIRS", "DISTRICT", freshDistrict(), 1);
        Built other = commission("MINORS_AFFAIRS", "DISTRICT", freshDistrict(), 1);
        String me = member(mine.members().get(3));
        AuthorizedRequests.get(me, "/api/v1/commissions/" + mine.id()).statusCode(200).body("members", hasSize(4));
        AuthorizedRequests.get(me, "/api/v1/commissions/" + other.id()).statusCode(404);
        AuthorizedRequests.get(me, "/api/v1/commissions?size=100").statusCode(200)
                .body("items.id", hasItem(mine.id())).body("items.id", not(hasItem(other.id())));
    }

    @Test
    void aMemberWhoseTermEndedNoLongerSeesTheCommission() {
        Built c = commission("MINORS_AFFAIRS", "DISTRICT", freshDistrict(), 1);
        String username = unique("former");
        Map<String, Object> body = memberBody(username, "MEMBER");
        body.put("to", CommissionApiDates.yesterday());
        AuthorizedRequests.post(c.secretaryToken(), "/api/v1/commissions/" + c.id() + "/members", null, body).statusCode(201);
        AuthorizedRequests.get(member(username), "/api/v1/commissions/" + c.id()).statusCode(404);
    }

    @Test
    void aUsernameIsAMemberOnceAtATimeAndTheChairIsOne() {
        Built c = commission("MINORS_AFFAIRS", "DISTRICT", freshDistrict(), 1);
        String path = "/api/v1/commissions/" + c.id() + "/members";
        AuthorizedRequests.post(c.secretaryToken(), path, null, memberBody(c.members().get(3), "MEMBER")).statusCode(409);
        AuthorizedRequests.post(c.secretaryToken(), path, null, memberBody(unique("chair2"), "CHAIR")).statusCode(409);
        AuthorizedRequests.post(c.secretaryToken(), path, null, memberBody(unique("x"), "MEMBER").entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> e.getKey().equals("agency") ? "NO_SUCH_AGENCY" : e.getValue()))).statusCode(400);
    }

    /** Dates the tests send. */
    static final class CommissionApiDates {
        static String yesterday() {
            return kz.prevention.commission.support.CommissionApi.today().minusDays(1).toString();
        }
    }
}
