package kz.prevention.measures.measure;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.eventing.outbox.Outbox;
import kz.prevention.measures.events.MeasuresEvents;
import kz.prevention.persistence.audit.AuditAction;
import kz.prevention.persistence.audit.AuditLog;
import kz.prevention.persistence.audit.AuditRecord;
import kz.prevention.persistence.history.Changes;
import kz.prevention.persistence.history.HistoryLog;

/**
 * A measure's life: PLANNED → IN_PROGRESS → DONE, or CANCELLED while unfinished. Any other
 * move is a 409 naming the state the measure is in; each move is recorded and announced.
 */
@ApplicationScoped
public class MeasureWorkflow {

    public static final String WITHDRAWN = "WITHDRAWN";
    public static final String PLAN_CLOSED = "PLAN_CLOSED";

    @Inject
    Outbox outbox;
    @Inject
    HistoryLog history;
    @Inject
    AuditLog audit;

    public void start(Measure m, LocalDate startedOn, String actor, LocalDate today) {
        requireState(m, MeasureStatus.PLANNED, "start");
        LocalDate on = startedOn != null ? startedOn : today;
        if (on.isAfter(today)) {
            throw ProblemException.field(ProblemType.VALIDATION, "startedOn", "must not be in the future");
        }
        m.status = MeasureStatus.IN_PROGRESS;
        m.startedOn = on;
        changed(m, actor, AuditAction.UPDATE, "STARTED", status(MeasureStatus.PLANNED, m.status));
        outbox.record(MeasuresEvents.MEASURE, m.id.toString(), MeasuresEvents.MEASURE_STARTED,
                new MeasuresEvents.MeasureStarted(m.id, m.plan.id, m.region, m.type, m.executingAgency, on));
    }

    public void complete(Measure m, String result, String evidenceRef, LocalDate completedOn, String actor, LocalDate today) {
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
        changed(m, actor, AuditAction.UPDATE, "COMPLETED", status(MeasureStatus.IN_PROGRESS, m.status)
                .note("completedOn", on).note("evidenceRef", evidenceRef));
        outbox.record(MeasuresEvents.MEASURE, m.id.toString(), MeasuresEvents.MEASURE_COMPLETED,
                new MeasuresEvents.MeasureCompleted(m.id, m.plan.id, m.region, m.type, m.executingAgency, m.dueDate, on,
                        !on.isAfter(m.dueDate), m.decisionId));
    }

    public void withdraw(Measure m, String note, String actor, LocalDate today) {
        cancel(m, WITHDRAWN, note, actor, AuditAction.UPDATE, today);
    }

    public void cancelBecausePlanClosed(Measure m, LocalDate on) {
        cancel(m, PLAN_CLOSED, "the plan was closed: the entry left the registry", "system", AuditAction.SYSTEM, on);
    }

    public void reschedule(Measure m, String responsiblePerson, LocalDate dueDate, String actor) {
        if (!m.status.isOpen()) {
            throw new ProblemException(ProblemType.CONFLICT, "measure " + m.id + " is " + m.status + " and can no longer change");
        }
        Changes changes = new Changes();
        if (responsiblePerson != null) {
            m.responsiblePerson = changes.set("responsiblePerson", m.responsiblePerson, responsiblePerson);
        }
        if (dueDate != null) {
            if (dueDate.isBefore(m.startDate)) {
                throw ProblemException.field(ProblemType.VALIDATION, "dueDate", "must not be before startDate " + m.startDate);
            }
            m.dueDate = changes.set("dueDate", m.dueDate, dueDate);
        }
        if (changes.isEmpty()) {
            return;
        }
        changed(m, actor, AuditAction.UPDATE, "UPDATED", changes);
        outbox.record(MeasuresEvents.MEASURE, m.id.toString(), MeasuresEvents.MEASURE_UPDATED,
                new MeasuresEvents.MeasureUpdated(m.id, m.plan.id, m.region, m.type, m.executingAgency, changes.names(),
                        m.dueDate));
    }

    private void cancel(Measure m, String reason, String note, String actor, AuditAction action, LocalDate on) {
        if (!m.status.isOpen()) {
            throw new ProblemException(ProblemType.CONFLICT, "measure " + m.id + " is " + m.status + "; only PLANNED or"
                    + " IN_PROGRESS measures can be cancelled");
        }
        MeasureStatus before = m.status;
        m.status = MeasureStatus.CANCELLED;
        m.cancelReason = reason;
        m.cancelNote = note;
        changed(m, actor, action, "CANCELLED", status(before, m.status).note("reason", reason));
        outbox.record(MeasuresEvents.MEASURE, m.id.toString(), MeasuresEvents.MEASURE_CANCELLED,
                new MeasuresEvents.MeasureCancelled(m.id, m.plan.id, m.region, m.type, m.executingAgency, reason, on));
    }

    private static Changes status(MeasureStatus before, MeasureStatus after) {
        Changes changes = new Changes();
        changes.set("status", before, after);
        return changes;
    }

    private static void requireState(Measure m, MeasureStatus expected, String verb) {
        if (m.status != expected) {
            throw new ProblemException(ProblemType.CONFLICT, "cannot " + verb + " measure " + m.id + ": it is " + m.status
                    + ", not " + expected);
        }
    }

    private void changed(Measure m, String actor, AuditAction action, String what, Changes changes) {
        m.updatedAt = Instant.now();
        history.record(MeasureAssignment.HISTORY_TYPE, m.id, actor, what, changes);
        audit.append(new AuditRecord(action, "measure", m.id.toString(), m.plan.personId, what + " " + changes.names()));
    }
}
