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
import kz.prevention.commission.support.CommissionApi.Built;
import kz.prevention.commission.support.Sitting;
import kz.prevention.testing.AuthorizedRequests;
import kz.prevention.testing.OpenApiExamplesContract;

/** The service's published request examples are accepted as they are (ids, dates and ETags from fresh fixtures). */
@QuarkusTest
class OpenApiExamplesTest extends OpenApiExamplesContract {

    @Override
    protected Prepared prepare(String operationId, String exampleName) {
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

    /** The example's instructions with deadlines that stay after today's sitting whenever the test runs. */
    private static List<Map<String, Object>> instructions() {
        return List.of(instruction("EDUCATION", "PEDAGOGICAL_ESCORT", UUID.randomUUID(), 35),
                instruction("POLICE", "PUBLIC_PLACES", null, 66));
    }
}
