package kz.prevention.measures.measure;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.eventing.catalog.DomainEvent;
import kz.prevention.eventing.contract.MeasuresEvents;
import kz.prevention.persistence.change.ChangeRecorder;
import kz.prevention.persistence.history.Changes;

/**
 * A measure's life: PLANNED → IN_PROGRESS → DONE, or CANCELLED while unfinished. Any other
 * move is a 409 naming the state the measure is in; each move is recorded and announced.
 */
@ApplicationScoped
public class MeasureWorkflow {

    @Inject
    ExecutingOrganisation organisations;

    public static final String WITHDRAWN = "WITHDRAWN";
    public static final String PLAN_CLOSED = "PLAN_CLOSED";

    @Inject
    ChangeRecorder changes;

    public void start(Measure m, LocalDate startedOn, LocalDate today) {
        requireState(m, MeasureStatus.PLANNED, "start");
        LocalDate on = startedOn != null ? startedOn : today;
        if (on.isAfter(today)) {
            throw ProblemException.field(ProblemType.VALIDATION, "startedOn", "must not be in the future");
        }
        m.status = MeasureStatus.IN_PROGRESS;
        m.startedOn = on;
        changed(m, "STARTED", status(MeasureStatus.PLANNED, m.status), new MeasuresEvents.MeasureStarted(m.id, m.plan.id, m.region, m.type, m.executingAgency, on));
    }

    public void complete(Measure m, String result, String evidenceRef, LocalDate completedOn, LocalDate today) {
        if (m.status == MeasureStatus.PLANNED) {
            throw new ProblemException(ProblemType.CONFLICT, "measure " + m.id + " is PLANNED: start it before reporting it done");
        }
        requireState(m, MeasureStatus.IN_PROGRESS, "complete");
        LocalDate on = completedOn != null ? completedOn : today;
        if (on.isAfter(today)) {
            throw ProblemException.field(ProblemType.VALIDATION, "completedOn", "must not be in the future");
        }
        if (on.isBefore(m.startedOn)) {
            throw ProblemException.field(ProblemType.VALIDATION, "completedOn", "must not be before the start, " + m.startedOn);
        }
        m.status = MeasureStatus.DONE;
        m.completedOn = on;
        m.result = result;
        m.evidenceRef = evidenceRef;
        changed(m, "COMPLETED", status(MeasureStatus.IN_PROGRESS, m.status)
                .note("completedOn", on).note("evidenceRef", evidenceRef), new MeasuresEvents.MeasureCompleted(m.id, m.plan.id, m.region, m.type, m.executingAgency, m.dueDate, on,
                        !on.isAfter(m.dueDate), m.decisionId, m.instructionId));
    }

    public void withdraw(Measure m, String note, LocalDate today) {
        cancel(m, WITHDRAWN, note, today);
    }

    public void cancelBecausePlanClosed(Measure m, LocalDate on) {
        cancel(m, PLAN_CLOSED, "the plan was closed: the entry left the registry", on);
    }

    /** The planner changes who answers for it, when it is due, or which organisation carries it out. */
    public void reschedule(Measure m, UpdateMeasureRequest change, LocalDate today) {
        String responsiblePerson = change.responsiblePerson();
        LocalDate dueDate = change.dueDate();
        if (!m.status.isOpen()) {
            throw new ProblemException(ProblemType.CONFLICT, "measure " + m.id + " is " + m.status + " and can no longer change");
        }
        Changes diff = new Changes();
        if (responsiblePerson != null) {
            m.responsiblePerson = diff.set("responsiblePerson", m.responsiblePerson, responsiblePerson);
        }
        if (change.organisation() != null) {
            m.organisation = diff.set("organisation", m.organisation,
                    organisations.require(change.organisation(), m.executingAgency, m.region, today));
        }
        if (dueDate != null) {
            if (dueDate.isBefore(m.startDate)) {
                throw ProblemException.field(ProblemType.VALIDATION, "dueDate", "must not be before startDate " + m.startDate);
            }
            m.dueDate = diff.set("dueDate", m.dueDate, dueDate);
        }
        if (diff.isEmpty()) {
            return;
        }
        changed(m, "UPDATED", diff, new MeasuresEvents.MeasureUpdated(m.id, m.plan.id, m.region, m.type, m.executingAgency, diff.names(),
                        m.dueDate));
    }

    private void cancel(Measure m, String reason, String note, LocalDate on) {
        if (!m.status.isOpen()) {
            throw new ProblemException(ProblemType.CONFLICT, "measure " + m.id + " is " + m.status + "; only PLANNED or"
                    + " IN_PROGRESS measures can be cancelled");
        }
        MeasureStatus before = m.status;
        m.status = MeasureStatus.CANCELLED;
        m.cancelReason = reason;
        m.cancelNote = note;
        changed(m, "CANCELLED", status(before, m.status).note("reason", reason), new MeasuresEvents.MeasureCancelled(m.id, m.plan.id, m.region, m.type, m.executingAgency, reason, on));
    }

    private static Changes status(MeasureStatus before, MeasureStatus after) {
        Changes diff = new Changes();
        diff.set("status", before, after);
        return diff;
    }

    private static void requireState(Measure m, MeasureStatus expected, String verb) {
        if (m.status != expected) {
            throw new ProblemException(ProblemType.CONFLICT, "cannot " + verb + " measure " + m.id + ": it is " + m.status
                    + ", not " + expected);
        }
    }

    private void changed(Measure m, String what, Changes diff, DomainEvent event) {
        m.updatedAt = Instant.now();
        changes.record(m, what, diff, event);
    }
}
