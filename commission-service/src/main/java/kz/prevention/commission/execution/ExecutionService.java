package kz.prevention.commission.execution;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import kz.prevention.commission.agenda.AgendaItem;
import kz.prevention.commission.agenda.AgendaKinds;
import kz.prevention.commission.agenda.AgendaService;
import kz.prevention.commission.decision.Decision;
import kz.prevention.commission.decision.Instruction;
import kz.prevention.commission.decision.InstructionStatus;
import kz.prevention.commission.rules.RulesDefaults;
import kz.prevention.eventing.contract.CommissionEvents;
import kz.prevention.persistence.change.ChangeRecorder;
import kz.prevention.persistence.history.Changes;

/**
 * Tracks each issued instruction to its end: linked to the measure measures-service made of it,
 * executed when that measure is completed, and — once past its deadline unexecuted — announced as
 * overdue and proposed for the commission's next session (once per deadline).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ExecutionService {

    private static final Logger LOG = Logger.getLogger(ExecutionService.class);

    @Inject
    ChangeRecorder changes;
    @Inject
    AgendaService agenda;
    @Inject
    RulesDefaults defaults;

    public void linked(Instruction i, UUID measureId) {
        if (i.measureId != null) {
            return;
        }
        Changes diff = new Changes();
        i.measureId = diff.set("measureId", null, measureId);
        if (i.status == InstructionStatus.ISSUED) {
            i.status = diff.set("status", i.status, InstructionStatus.ASSIGNED);
        }
        i.updatedAt = Instant.now();
        changes.record(i, "ASSIGNED", diff, null);
    }

    public void executed(Instruction i, LocalDate on) {
        if (!i.status.isOpen()) {
            LOG.infof("instruction %s is %s; completion of measure %s ignored", i.id, i.status, i.measureId);
            return;
        }
        Changes diff = new Changes();
        i.status = diff.set("status", i.status, InstructionStatus.EXECUTED);
        i.executedOn = diff.set("executedOn", i.executedOn, on);
        i.updatedAt = Instant.now();
        Decision d = i.decision;
        changes.record(i, "EXECUTED", diff, new CommissionEvents.InstructionExecuted(d.id, i.id.toString(), d.commission.id,
                d.commission.territory, i.measureId, i.executingAgency, i.dueDate, on, !on.isAfter(i.dueDate)));
    }

    public void cancelled(Instruction i) {
        if (!i.status.isOpen()) {
            return;
        }
        Changes diff = new Changes();
        i.status = diff.set("status", i.status, InstructionStatus.CANCELLED);
        i.updatedAt = Instant.now();
        changes.record(i, "CANCELLED", diff, null);
    }

    /**
     * The instruction is past its deadline unexecuted (measures-service said so, or no measure came):
     * announced once per deadline, and proposed for the next session when the configured threshold is passed.
     */
    public void overdue(Instruction i, LocalDate detectedOn) {
        if (!i.status.isOpen() || !detectedOn.isAfter(i.dueDate) || i.overdueSince != null) {
            return;
        }
        int days = (int) ChronoUnit.DAYS.between(i.dueDate, detectedOn);
        if (days < defaults.proposals().overdueInstructionDaysBeforeProposal()) {
            return;
        }
        Changes diff = new Changes();
        i.overdueSince = diff.set("overdueSince", null, detectedOn);
        i.updatedAt = Instant.now();
        Decision d = i.decision;
        changes.record(i, "OVERDUE", diff, new CommissionEvents.InstructionOverdue(d.id, i.id.toString(), d.commission.id,
                d.commission.territory, i.measureId, i.executingAgency, i.dueDate, detectedOn, days));
        agenda.propose(d.commission, new AgendaService.Proposal(AgendaKinds.OVERDUE_INSTRUCTION, "Поручение " + i.position
                + " решения № " + d.number + " (" + i.executingAgency + ", " + i.measureType + ") не исполнено в срок "
                + i.dueDate, i.entryId, d.item.personId, d.commission.territory, i.id,
                "instruction-overdue:" + i.id + ":" + i.dueDate), AgendaItem.Source.EVENT, "system");
    }
}
