package kz.prevention.commission;

import static kz.prevention.commission.support.CommissionApi.commission;
import static kz.prevention.commission.support.CommissionApi.freshDistrict;
import static kz.prevention.commission.support.CommissionApi.member;
import static kz.prevention.commission.support.Sitting.instruction;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.commission.support.Sitting;
import kz.prevention.testing.AuthorizedRequests;

/** The sitting with real tokens: quorum before any vote, one's own single vote, recusal, the chair's casting vote. */
@QuarkusTest
class SittingTest {

    /** Chair, deputy chair, secretary and three members: six, so a quorum of two thirds is four. */
    private static Sitting sitting() {
        return Sitting.today(commission("MINORS_AFFAIRS", "DISTRICT", freshDistrict(), 3));
    }

    @Test
    void noVoteIsTakenBeforeAttendanceOrWithoutAQuorum() {
        Sitting s = sitting();
        String item = s.item("AGENCY_HEAD_REPORT");
        s.vote(s.member(0), item, "FOR").statusCode(409).contentType("application/problem+json");
        s.present(3).statusCode(200).body("required", equalTo(4)).body("quorate", equalTo(false));
        s.vote(s.member(0), item, "FOR").statusCode(409).body("detail", org.hamcrest.Matchers.containsString("no quorum"));
        s.present(4).statusCode(200).body("quorate", equalTo(true));
        s.vote(s.member(0), item, "FOR").statusCode(200).body("forVotes", equalTo(1));
    }

    @Test
    void aMemberVotesOnceAndOnlyAsThemselves() {
        Sitting s = sitting();
        String item = s.item("AGENCY_HEAD_REPORT");
        s.present(5);
        s.vote(s.member(1), item, "FOR").statusCode(200);
        s.vote(s.member(1), item, "AGAINST").statusCode(409);
        String other = s.commission.memberIds().get(s.member(2));
        AuthorizedRequests.post(member(s.member(3)), "/api/v1/agenda-items/" + item + "/votes", null,
                Map.of("choice", "FOR", "memberId", other)).statusCode(403).contentType("application/problem+json");
        AuthorizedRequests.get(s.commission.secretaryToken(), "/api/v1/agenda-items/" + item + "/votes").statusCode(200)
                .body("forVotes", equalTo(1)).body("against", equalTo(0));
    }

    @Test
    void anAbsentMemberOrAStrangerDoesNotVote() {
        Sitting s = sitting();
        String item = s.item("AGENCY_HEAD_REPORT");
        s.present(4);
        s.vote(s.member(5), item, "FOR").statusCode(409);
        s.vote("stranger." + UUID.randomUUID(), item, "FOR").statusCode(404);
        AuthorizedRequests.post(s.commission.secretaryToken(), "/api/v1/agenda-items/" + item + "/votes", null,
                Map.of("choice", "FOR")).statusCode(403);
    }

    @Test
    void aRecusedMemberDoesNotVoteAndDoesNotCount() {
        Sitting s = sitting();
        String item = s.item("AGENCY_HEAD_REPORT");
        s.present(5);
        AuthorizedRequests.post(member(s.member(4)), "/api/v1/agenda-items/" + item + "/recusal", null,
                Map.of("reason", "родственник")).statusCode(200).body("eligible", equalTo(4));
        s.vote(s.member(4), item, "FOR").statusCode(409);
        s.vote(s.member(3), item, "FOR").statusCode(200);
        AuthorizedRequests.post(member(s.member(3)), "/api/v1/agenda-items/" + item + "/recusal", null,
                Map.of("reason", "поздно")).statusCode(409);
    }

    @Test
    void theChairsVoteBreaksATie() {
        Sitting s = sitting();
        String item = s.item("AGENCY_HEAD_REPORT");
        s.present(4);
        s.vote(s.member(0), item, "FOR").statusCode(200);
        s.vote(s.member(1), item, "AGAINST").statusCode(200);
        s.vote(s.member(2), item, "AGAINST").statusCode(200);
        s.vote(s.member(3), item, "FOR").statusCode(200).body("outcome", equalTo("ADOPTED"))
                .body("presidingVote", equalTo("FOR"));
    }

    @Test
    void aDecisionsInstructionsMustBeOnesMeasuresCanApply() {
        Sitting s = sitting();
        String item = s.item("AGENCY_HEAD_REPORT");
        s.draft(item, "x", List.of(instruction("POLICE", "PEDAGOGICAL_ESCORT", UUID.randomUUID(), 30))).statusCode(422);
        s.draft(item, "x", List.of(instruction("EDUCATION", "PUBLIC_PLACES", null, 0))).statusCode(400);
        s.draft(item, "x", List.of(instruction("NOBODY", "PUBLIC_PLACES", null, 10))).statusCode(400);
        String id = s.draft(item, "Решение", List.of(instruction("EDUCATION", "PEDAGOGICAL_ESCORT", UUID.randomUUID(), 30),
                instruction("POLICE", "PUBLIC_PLACES", null, 60))).statusCode(201).body("status", equalTo("DRAFT"))
                .body("instructions.size()", equalTo(2)).extract().path("id");
        String etag = AuthorizedRequests.get(s.commission.secretaryToken(), "/api/v1/decisions/" + id).statusCode(200)
                .extract().header("ETag");
        AuthorizedRequests.patch(s.commission.secretaryToken(), "/api/v1/decisions/" + id, etag, Map.of("text", "Решение (ред.)"))
                .statusCode(200).body("text", equalTo("Решение (ред.)"));
        AuthorizedRequests.patch(s.commission.secretaryToken(), "/api/v1/decisions/" + id, etag, Map.of("text", "снова"))
                .statusCode(412);
    }

    /** The web app finds an item's draft from any tab or member: the item answers with its decision. */
    @Test
    void anItemAnswersWithItsDecisionOnceDrafted() {
        Sitting s = sitting();
        String item = s.item("AGENCY_HEAD_REPORT");
        AuthorizedRequests.get(s.commission.secretaryToken(), "/api/v1/agenda-items/" + item + "/decision").statusCode(404)
                .contentType("application/problem+json");
        String id = s.draft(item, "Решение", List.of(instruction("POLICE", "PUBLIC_PLACES", null, 60))).statusCode(201)
                .extract().path("id");
        String etag = AuthorizedRequests.get(s.commission.secretaryToken(), "/api/v1/decisions/" + id).statusCode(200)
                .extract().header("ETag");
        AuthorizedRequests.get(s.commission.secretaryToken(), "/api/v1/agenda-items/" + item + "/decision").statusCode(200)
                .header("ETag", equalTo(etag)).body("id", equalTo(id)).body("instructions.size()", equalTo(1));
    }
}
