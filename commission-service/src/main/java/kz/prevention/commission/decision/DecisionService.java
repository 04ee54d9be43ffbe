package kz.prevention.commission.decision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import kz.prevention.commission.agenda.AgendaItem;
import kz.prevention.commission.agenda.ItemStatus;
import kz.prevention.commission.session.SessionStatus;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.persistence.change.ChangeRecorder;
import kz.prevention.persistence.history.Changes;

/** Drafts and amends the decision on an item while the sitting goes on; a signed decision never changes. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DecisionService {

    @Inject
    ChangeRecorder changes;
    @Inject
    InstructionRules rules;

    public Decision draft(AgendaItem item, DecisionRequest r, String actor) {
        if (item.status != ItemStatus.ACCEPTED || item.session == null || item.session.status == SessionStatus.SIGNED) {
            throw new ProblemException(ProblemType.CONFLICT, "agenda item " + item.id + " is " + item.status
                    + "; decisions are drafted on items accepted into a sitting not yet signed");
        }
        if (Decision.count("item", item) > 0) {
            throw new ProblemException(ProblemType.CONFLICT, "the item already has a decision; amend it (PATCH) while it is a draft");
        }
        if (r.corrects() != null) {
            Decision corrected = Decision.findById(r.corrects());
            if (corrected == null || !corrected.commission.id.equals(item.commission.id) || !corrected.isFinal()) {
                throw ProblemException.field(ProblemType.UNPROCESSABLE, "corrects", "a signed decision of this commission");
            }
        }
        rules.check(r.instructions(), item.session.date);
        Decision d = new Decision();
        d.id = UUID.randomUUID();
        d.item = item;
        d.session = item.session;
        d.commission = item.commission;
        d.number = item.session.number + "/" + (Decision.count("session", item.session) + 1);
        d.text = r.text().strip();
        d.legalBasis = r.legalBasis().strip();
        d.status = DecisionStatus.DRAFT;
        d.correctsId = r.corrects();
        d.createdBy = actor;
        d.createdAt = Instant.now();
        d.updatedAt = d.createdAt;
        d.persist();
        replaceInstructions(d, r.instructions());
        Changes diff = Changes.creation();
        diff.set("number", null, d.number);
        diff.set("instructions", null, r.instructions().size());
        changes.record(d, "DRAFTED", diff, null);
        return d;
    }

    public void amend(Decision d, DecisionPatch p) {
        requireDraft(d);
        Changes diff = new Changes();
        if (p.text() != null) {
            d.text = diff.set("text", d.text, p.text().strip());
        }
        if (p.legalBasis() != null) {
            d.legalBasis = diff.set("legalBasis", d.legalBasis, p.legalBasis().strip());
        }
        if (p.instructions() != null) {
            rules.check(p.instructions(), d.session.date);
            diff.set("instructions", d.instructions().size(), p.instructions().size());
            Instruction.delete("decision", d);
            replaceInstructions(d, p.instructions());
        }
        d.updatedAt = Instant.now();
        changes.record(d, "AMENDED", diff, null);
    }

    public static void requireDraft(Decision d) {
        if (d.isFinal()) {
            throw new ProblemException(ProblemType.CONFLICT, "decision " + d.number + " is " + d.status + " and signed: it"
                    + " never changes; a correction is a new decision that refers to it (corrects)");
        }
    }

    private static void replaceInstructions(Decision d, List<InstructionRequest> requests) {
        int position = 1;
        for (InstructionRequest r : requests) {
            Instruction i = new Instruction();
            i.id = UUID.randomUUID();
            i.decision = d;
            i.position = position++;
            i.executingAgency = r.executingAgency();
            i.measureType = r.measureType();
            i.content = r.content().strip();
            i.dueDate = r.dueDate();
            i.entryId = r.entryId();
            i.status = InstructionStatus.DRAFT;
            i.updatedAt = Instant.now();
            i.persist();
        }
    }
}
