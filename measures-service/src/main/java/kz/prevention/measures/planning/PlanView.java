package kz.prevention.measures.planning;

import kz.prevention.persistence.read.Audited;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kz.prevention.measures.measure.MeasureView;
import kz.prevention.measures.plan.PreventionPlan;
import kz.prevention.measures.plan.PlanStatus;
import kz.prevention.measures.plan.PlanKind;

/** A plan as the API shows it, with its measures when read one by one. */
@Schema(name = "Plan")
public record PlanView(UUID id, PlanKind kind, UUID entryId, UUID personId, UUID decisionId,
        @Schema(example = "DOMESTIC_VIOLENCE") String generalKind, String title,
        @Schema(example = "751110000") String region, @Schema(example = "PROTECTIVE_ORDER") String category,
        boolean minor, @Schema(example = "PROTECTIVE_ORDER") String groundingMeasure, LocalDate measureEndDate,
        PlanStatus status, LocalDate openedOn, String openedBy, LocalDate closedOn, String closeReason, long version,
        List<MeasureView> measures) implements Audited {

    @Override
    public String auditType() {
        return "plan";
    }

    @Override
    public String auditId() {
        return id.toString();
    }

    @Override
    public UUID auditPersonId() {
        return personId;
    }

    public static PlanView of(PreventionPlan p, List<MeasureView> measures) {
        return new PlanView(p.id, p.kind, p.entryId, p.personId, p.decisionId, p.generalKind, p.title, p.region,
                p.category, p.minor, p.groundingMeasure, p.measureEndDate, p.status, p.openedOn, p.openedBy, p.closedOn,
                p.closeReason, p.version, measures);
    }
}
