package kz.prevention.commission.agenda;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import kz.prevention.commission.commission.Commission;
import kz.prevention.commission.session.CommissionSession;
import kz.prevention.commission.session.SessionStatus;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.persistence.change.ChangeRecorder;
import kz.prevention.persistence.history.Changes;
import kz.prevention.reference.calendar.WorkingDayCalendar;

/**
 * An agenda's rules: minors' materials only in a commission on minors' affairs; an event proposes
 * its item once; the secretary accepts an item into a session of the same commission that is not
 * yet signed, defers it, or dismisses it — always with a reason.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AgendaService {

    @Inject
    ChangeRecorder changes;
    @Inject
    AgendaKinds kinds;
    @Inject
    jakarta.enterprise.event.Event<Dismissed> dismissed;
    @Inject
    WorkingDayCalendar calendar;

    /** What a proposal is about; everything but kind and title may be null. */
    public record Proposal(String kind, String title, UUID entryId, UUID personId, String region, UUID instructionId,
            String sourceRef) {
    }

    /** @return the new item, or null when its source already proposed one to this commission */
    public AgendaItem propose(Commission c, Proposal p, AgendaItem.Source source, String actor) {
        return create(c, p, source, actor, null);
    }

    /**
     * An item proposed by an event of a kind the law gives a time limit: examined within the kind's
     * working days from {@code since} (holidays and moved days off from the working-day calendar).
     */
    public AgendaItem proposeWithLimit(Commission c, Proposal p, LocalDate since) {
        AgendaKinds.Kind kind = kinds.require(p.kind());
        if (kind.examineWithinWorkingDays() == null) {
            throw new IllegalStateException("agenda item kind " + kind.code() + " has no examineWithinWorkingDays");
        }
        return create(c, p, AgendaItem.Source.EVENT, "system", calendar.plusWorkingDays(since, kind.examineWithinWorkingDays()));
    }

    private AgendaItem create(Commission c, Proposal p, AgendaItem.Source source, String actor, LocalDate examineBy) {
        AgendaKinds.Kind kind = kinds.require(p.kind());
        if (kind.minorsOnly() && !c.isMinors()) {
            throw ProblemException.field(ProblemType.UNPROCESSABLE, "kind", "minors' materials are examined only by a"
                    + " commission on minors' affairs");
        }
        if (p.sourceRef() != null && AgendaItem.count("commission = ?1 and sourceRef = ?2", c, p.sourceRef()) > 0) {
            return null;
        }
        AgendaItem i = new AgendaItem();
        i.id = UUID.randomUUID();
        i.commission = c;
        i.kind = kind.code();
        i.title = p.title().strip();
        i.status = ItemStatus.PROPOSED;
        i.source = source;
        i.sourceRef = p.sourceRef();
        i.entryId = p.entryId();
        i.personId = p.personId();
        i.region = p.region();
        i.instructionId = p.instructionId();
        i.examineBy = examineBy;
        i.createdBy = actor;
        i.createdAt = Instant.now();
        i.updatedAt = i.createdAt;
        i.persist();
        Changes diff = Changes.creation();
        diff.set("kind", null, i.kind);
        diff.set("status", null, i.status);
        if (examineBy != null) {
            diff.set("examineBy", null, examineBy);
        }
        changes.record(i, "PROPOSED", diff, null);
        return i;
    }

    public void accept(AgendaItem i, CommissionSession s, String reason) {
        if (!i.status.awaitsTheSecretary()) {
            throw new ProblemException(ProblemType.CONFLICT, "agenda item " + i.id + " is " + i.status
                    + "; only PROPOSED or DEFERRED items are accepted");
        }
        if (!s.commission.id.equals(i.commission.id)) {
            throw ProblemException.field(ProblemType.UNPROCESSABLE, "sessionId", "a session of another commission");
        }
        if (s.status == SessionStatus.SIGNED) {
            throw new ProblemException(ProblemType.CONFLICT, "session " + s.id + " is signed; choose a later session");
        }
        Changes diff = new Changes();
        i.status = diff.set("status", i.status, ItemStatus.ACCEPTED);
        diff.set("sessionId", i.session == null ? null : i.session.id, s.id);
        i.session = s;
        i.reason = diff.set("reason", i.reason, reason);
        changed(i, "ACCEPTED", diff);
    }

    public void defer(AgendaItem i, String reason) {
        requireUndecided(i, "deferred");
        Changes diff = new Changes();
        i.status = diff.set("status", i.status, ItemStatus.DEFERRED);
        diff.set("sessionId", i.session == null ? null : i.session.id, null);
        i.session = null;
        i.reason = diff.set("reason", i.reason, reason);
        changed(i, "DEFERRED", diff);
    }

    public void dismiss(AgendaItem i, String reason) {
        requireUndecided(i, "dismissed");
        Changes diff = new Changes();
        i.status = diff.set("status", i.status, ItemStatus.DISMISSED);
        i.reason = diff.set("reason", i.reason, reason);
        changed(i, "DISMISSED", diff);
        dismissed.fire(new Dismissed(i));
    }

    /**
     * An item the secretary dismissed, announced in the same transaction to what hangs on it (a
     * proposed reward of a public assistant), which observes it rather than being called from here.
     */
    public record Dismissed(AgendaItem item) {
    }

    private static void requireUndecided(AgendaItem i, String verb) {
        if (i.status == ItemStatus.DISMISSED || i.status == ItemStatus.DECIDED) {
            throw new ProblemException(ProblemType.CONFLICT, "agenda item " + i.id + " is " + i.status + " and cannot be " + verb);
        }
        if (i.session != null && i.session.status != SessionStatus.SCHEDULED) {
            throw new ProblemException(ProblemType.CONFLICT, "the sitting on agenda item " + i.id + " has begun; it can no"
                    + " longer be " + verb + " (the commission decides it or the chair signs it off undecided)");
        }
    }

    private void changed(AgendaItem i, String action, Changes diff) {
        i.updatedAt = Instant.now();
        changes.record(i, action, diff, null);
    }
}
