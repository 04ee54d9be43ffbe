package kz.prevention.measures.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import kz.prevention.commons.problem.ProblemException;
import kz.prevention.eventing.contract.CommissionEvents;
import kz.prevention.measures.measure.Measure;
import kz.prevention.measures.measure.MeasureAssignment;
import kz.prevention.measures.measure.MeasureSpec;
import kz.prevention.measures.measure.MeasureTypes;
import kz.prevention.measures.planning.PlanService;
import kz.prevention.measures.plan.PreventionPlan;

/**
 * Turns a commission's instructions into measures: one about a registry entry goes into that
 * person's plan (or waits for the plan, since the registry's and the commission's topics are not
 * ordered with each other); one without an entry goes into the decision's general plan. An
 * instruction that breaks a rule is kept as REJECTED with the reason — never half-applied, and
 * never blocking the decision's other instructions.
 */
@ApplicationScoped
public class InstructionApplier {

    private static final Logger LOG = Logger.getLogger(InstructionApplier.class);

    @Inject
    MeasureAssignment assignment;
    @Inject
    MeasureTypes types;
    @Inject
    PlanService plans;

    public void apply(CommissionEvents.DecisionAdopted d, LocalDate today) {
        for (CommissionEvents.Instruction i : d.instructions()) {
            DecisionInstruction.Key key = new DecisionInstruction.Key(d.decisionId(), i.instructionId());
            if (DecisionInstruction.findById(key) != null) {
                continue;
            }
            DecisionInstruction row = new DecisionInstruction();
            row.key = key;
            row.commissionKind = d.commissionKind();
            row.decisionNumber = d.number();
            row.region = d.region();
            row.entryId = i.entryId();
            row.measureType = i.measureType();
            row.executingAgency = i.executingAgency();
            row.dueDate = i.dueDate();
            row.adoptedOn = d.adoptedOn();
            row.receivedAt = Instant.now();
            if (i.entryId() == null) {
                boolean general = types.find(i.measureType()).map(t -> !t.individual()).orElse(false);
                if (general) {
                    applyTo(row, generalPlanOf(d, i, today), today);
                } else {
                    mark(row, InstructionStatus.REJECTED, "measureType: " + i.measureType() + " is not a general or"
                            + " special measure kind; an individual measure needs the entryId of the person's registry entry");
                }
            } else {
                PreventionPlan plan = PreventionPlan.forEntry(i.entryId()).orElse(null);
                if (plan == null) {
                    mark(row, InstructionStatus.WAITING_FOR_PLAN, "registry entry " + i.entryId() + " has no plan here yet");
                } else {
                    applyTo(row, plan, today);
                }
            }
            row.persist();
        }
    }

    /** A plan just opened: the instructions that waited for it are applied now. */
    public void applyWaitingFor(PreventionPlan plan, LocalDate today) {
        List<DecisionInstruction> waiting = DecisionInstruction.list("entryId = ?1 and status = ?2", plan.entryId,
                InstructionStatus.WAITING_FOR_PLAN);
        waiting.forEach(row -> applyTo(row, plan, today));
    }

    public void rejectWaitingFor(UUID entryId, String reason) {
        List<DecisionInstruction> waiting = DecisionInstruction.list("entryId = ?1 and status = ?2", entryId,
                InstructionStatus.WAITING_FOR_PLAN);
        waiting.forEach(row -> mark(row, InstructionStatus.REJECTED, reason));
    }

    private void applyTo(DecisionInstruction row, PreventionPlan plan, LocalDate today) {
        MeasureSpec spec = new MeasureSpec(row.measureType, row.executingAgency, null, null, null, null, row.dueDate,
                row.key.decisionId(), row.key.instructionId());
        try {
            // Validation writes nothing, so a refused instruction leaves no trace but its REJECTED row.
            assignment.validate(plan, spec, today);
        } catch (ProblemException refused) {
            LOG.warnf("decision %s instruction %s refused: %s", row.decisionNumber, row.key.instructionId(),
                    refused.getMessage());
            mark(row, InstructionStatus.REJECTED, refused.getMessage());
            return;
        }
        Measure m = assignment.assign(plan, spec, "commission:" + row.decisionNumber, today);
        row.measureId = m.id;
        mark(row, InstructionStatus.APPLIED, null);
    }

    /** The decision's general plan, opened with its first general instruction. */
    private PreventionPlan generalPlanOf(CommissionEvents.DecisionAdopted d, CommissionEvents.Instruction i, LocalDate today) {
        return PreventionPlan.generalForDecision(d.decisionId())
                .orElseGet(() -> plans.openGeneral(i.measureType(), "Решение комиссии № " + d.number() + " от " + d.adoptedOn(),
                        d.region(), d.decisionId(), "commission:" + d.number(), today));
    }

    private static void mark(DecisionInstruction row, InstructionStatus status, String reason) {
        row.status = status;
        row.reason = reason;
        row.updatedAt = Instant.now();
    }
}
