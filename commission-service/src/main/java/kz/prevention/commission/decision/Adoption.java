package kz.prevention.commission.decision;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import kz.prevention.commission.rules.Outcome;
import kz.prevention.commission.rules.Tally;
import kz.prevention.eventing.contract.CommissionEvents;
import kz.prevention.persistence.change.ChangeRecorder;
import kz.prevention.persistence.history.Changes;

/**
 * Makes a draft decision final at sign-off: the votes decide ADOPTED or REJECTED; an adopted
 * decision's instructions are issued and the decision is published as
 * {@code kz.prevention.commission.decision.adopted.v1} through the outbox, in the sign-off's
 * transaction; a rejected one's instructions are cancelled and nothing is published.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Adoption {

    @Inject
    ChangeRecorder changes;

    public Outcome finalise(Decision d, Tally tally, Outcome outcome) {
        Changes diff = new Changes();
        d.votesFor = diff.set("votesFor", d.votesFor, tally.forVotes());
        d.votesAgainst = diff.set("votesAgainst", d.votesAgainst, tally.against());
        d.votesAbstain = diff.set("votesAbstain", d.votesAbstain, tally.abstain());
        d.updatedAt = Instant.now();
        if (outcome == Outcome.ADOPTED) {
            d.status = diff.set("status", d.status, DecisionStatus.ADOPTED);
            d.adoptedOn = diff.set("adoptedOn", d.adoptedOn, d.session.date);
            d.instructions().forEach(i -> mark(i, InstructionStatus.ISSUED));
            changes.record(d, "ADOPTED", diff, adopted(d));
        } else {
            d.status = diff.set("status", d.status, DecisionStatus.REJECTED);
            d.instructions().forEach(i -> mark(i, InstructionStatus.CANCELLED));
            changes.record(d, "REJECTED", diff, null);
        }
        return outcome;
    }

    /** Exactly the existing contract: ids, codes and dates; the instruction's id is how measures-service answers back. */
    static CommissionEvents.DecisionAdopted adopted(Decision d) {
        return new CommissionEvents.DecisionAdopted(d.id, d.commission.id, d.commission.kind.eventCode(),
                d.commission.territory, d.number, d.adoptedOn, d.instructions().stream()
                        .map(i -> new CommissionEvents.Instruction(i.id.toString(), i.entryId, i.measureType,
                                i.executingAgency, i.dueDate))
                        .toList());
    }

    private static void mark(Instruction i, InstructionStatus status) {
        i.status = status;
        i.updatedAt = Instant.now();
    }
}
