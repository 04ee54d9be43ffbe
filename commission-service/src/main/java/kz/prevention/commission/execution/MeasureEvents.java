package kz.prevention.commission.execution;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import kz.prevention.commission.decision.Instruction;
import kz.prevention.eventing.contract.MeasuresEvents;
import kz.prevention.eventing.inbox.EventHandler;
import kz.prevention.eventing.inbox.Subscriptions;

/**
 * Follows the measures made of the commissions' instructions. measure.assigned carries the
 * decision's id and the instruction's id (as the decision published it), and so do completed and
 * overdue since catalog 2026.11.8; events published before it carry only the measure's and the
 * decision's ids, so the link kept from assigned still answers for them.
 * Other measures' overdue reports are counted per agency and territory ({@link AgencyOverdue}).
 */
@ApplicationScoped
public class MeasureEvents implements EventHandler {

    private static final Logger LOG = Logger.getLogger(MeasureEvents.class);

    @Inject
    ExecutionService execution;
    @Inject
    AgencyOverdue agencies;

    @Override
    public String name() {
        return "execution";
    }

    @Override
    public Subscriptions subscriptions() {
        return Subscriptions.create()
                .on(MeasuresEvents.MeasureAssigned.class, this::assigned)
                .on(MeasuresEvents.MeasureCompleted.class, this::completed)
                .on(MeasuresEvents.MeasureOverdue.class, this::overdue)
                .on(MeasuresEvents.MeasureCancelled.class, this::cancelled);
    }

    private void assigned(MeasuresEvents.MeasureAssigned e) {
        if (e.decisionId() == null || e.instructionId() == null) {
            return;
        }
        instructionOf(e.decisionId(), e.instructionId()).ifPresentOrElse(i -> execution.linked(i, e.measureId()),
                () -> LOG.warnf("measure %s names decision %s instruction %s, unknown here", e.measureId(), e.decisionId(),
                        e.instructionId()));
    }

    private void completed(MeasuresEvents.MeasureCompleted e) {
        of(e.measureId(), e.decisionId(), e.instructionId()).ifPresent(i -> execution.executed(i, e.completedOn()));
    }

    private void overdue(MeasuresEvents.MeasureOverdue e) {
        of(e.measureId(), e.decisionId(), e.instructionId()).ifPresentOrElse(i -> execution.overdue(i, e.detectedOn()),
                () -> agencies.reported(e));
    }

    private void cancelled(MeasuresEvents.MeasureCancelled e) {
        byMeasure(e.measureId()).ifPresent(execution::cancelled);
    }

    private static Optional<Instruction> of(UUID measureId, UUID decisionId, String instructionId) {
        if (decisionId != null && instructionId != null) {
            Optional<Instruction> named = instructionOf(decisionId, instructionId);
            if (named.isPresent()) {
                return named;
            }
        }
        return byMeasure(measureId);
    }

    private static Optional<Instruction> byMeasure(UUID measureId) {
        return Instruction.find("measureId", measureId).firstResultOptional();
    }

    private static Optional<Instruction> instructionOf(UUID decisionId, String instructionId) {
        UUID id;
        try {
            id = UUID.fromString(instructionId);
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
        return Instruction.<Instruction>find("id = ?1 and decision.id = ?2", id, decisionId).firstResultOptional();
    }
}
