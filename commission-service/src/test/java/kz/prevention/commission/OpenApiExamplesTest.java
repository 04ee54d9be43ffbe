package kz.prevention.commission;

import static kz.prevention.commission.support.CommissionApi.commission;
import static kz.prevention.commission.support.CommissionApi.freshDistrict;
import static kz.prevention.commission.support.CommissionApi.member;
import static kz.prevention.commission.support.CommissionApi.secretary;
import static kz.prevention.commission.support.CommissionApi.today;
import static kz.prevention.commission.support.Sitting.instruction;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.commission.support.Assistants;
import kz.prevention.commission.support.CommissionApi.Built;
import kz.prevention.commission.support.Sitting;
import kz.prevention.testing.AuthorizedRequests;
import kz.prevention.testing.OpenApiExamplesContract;

/** The service's published request examples are accepted as they are (ids, dates and ETags from fresh fixtures). */
@QuarkusTest
class OpenApiExamplesTest extends OpenApiExamplesContract {

    @Override
    protected Prepared prepare(String operationId, String exampleName) {
        Prepared assistants = assistants(operationId);
        if (assistants != null) {
            return assistants;
        }
        if (operationId.equals("create")) {
            String district = freshDistrict();
            return Prepared.as(secretary(district)).override("territory", district);
        }
        Built c = commission("MINORS_AFFAIRS", "DISTRICT", freshDistrict(), 1);
        String sec = c.secretaryToken();
        String commission = "/api/v1/commissions/" + c.id();
        return switch (operationId) {
            case "setRules" -> Prepared.as(sec).path("id", c.id()).header("If-Match",
                    AuthorizedRequests.get(sec, commission).extract().header("ETag"));
            case "addMember", "propose" -> Prepared.as(sec).path("id", c.id());
            case "updateMember" -> Prepared.as(sec).path("id", c.id()).path("memberId", c.memberIds().get(c.members().get(3)))
                    .override("to", today().plusMonths(1).toString());
            case "schedule" -> Prepared.as(sec).path("id", c.id()).override("date", today().plusDays(7).toString());
            case "accept", "defer", "dismiss" -> {
                Sitting s = Sitting.today(c);
                String item = AuthorizedRequests.post(sec, commission + "/agenda-items", null,
                        Map.of("kind", "AGENCY_HEAD_REPORT", "title", "отчёт")).statusCode(201).extract().path("id");
                yield Prepared.as(sec).path("id", item).override("sessionId", s.session);
            }
            case "recordAttendance" -> Prepared.as(sec).path("id", Sitting.today(c).session)
                    .override("present", List.copyOf(c.memberIds().values()));
            case "recuse", "vote" -> {
                Sitting s = Sitting.today(c);
                String item = s.item("AGENCY_HEAD_REPORT");
                s.present(4);
                yield Prepared.as(member(s.member(3))).path("id", item);
            }
            case "draftDecision" -> Prepared.as(sec).path("id", Sitting.today(c).item("MINOR_CASE"))
                    .override("instructions", instructions());
            case "amend" -> {
                Sitting s = Sitting.today(c);
                String decision = s.draft(s.item("MINOR_CASE"), "Решение", instructions()).statusCode(201).extract().path("id");
                yield Prepared.as(sec).path("id", decision).header("If-Match",
                        AuthorizedRequests.get(sec, "/api/v1/decisions/" + decision).extract().header("ETag"));
            }
            default -> throw new IllegalArgumentException("no fixture for " + operationId);
        };
    }

    /** Public assistants' operations: the district's police, akimat and interdepartmental commission. */
    private static Prepared assistants(String operationId) {
        String district = freshDistrict();
        return switch (operationId) {
            case "fileApplication" -> Prepared.as(Assistants.police(district)).override("iin", Assistants.adultIin())
                    .override("addressKato", district);
            case "refuseAssistant" -> Prepared.as(Assistants.akimat(district)).path("id", Assistants.file(district,
                    Assistants.application(Assistants.adultIin(), district, null)).statusCode(201).extract().path("id"));
            case "proposeReward", "setBudget" -> {
                Built c = commission("INTERDEPARTMENTAL", "DISTRICT", district, 1);
                String year = Integer.toString(today().getYear());
                if (operationId.equals("setBudget")) {
                    yield Prepared.as(c.secretaryToken()).path("id", c.id()).path("year", year);
                }
                io.restassured.RestAssured.given().auth().oauth2(c.secretaryToken()).contentType("application/json")
                        .body(Map.of("amount", 1_000_000, "maslikhatDecision", Map.of("number", "1/1", "date", "2026-01-10")))
                        .put("/api/v1/commissions/" + c.id() + "/assistant-budgets/" + year).then().statusCode(200);
                yield Prepared.as(Assistants.akimat(district)).path("id", Assistants.registered(district));
            }
            default -> null;
        };
    }

    /** The example's instructions with deadlines that stay after today's sitting whenever the test runs. */
    private static List<Map<String, Object>> instructions() {
        return List.of(instruction("EDUCATION", "PEDAGOGICAL_ESCORT", UUID.randomUUID(), 35),
                instruction("POLICE", "PUBLIC_PLACES", null, 66));
    }
}
