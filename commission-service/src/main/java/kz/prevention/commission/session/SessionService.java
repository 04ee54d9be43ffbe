package kz.prevention.commission.session;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import kz.prevention.commission.commission.Commission;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.persistence.change.ChangeRecorder;
import kz.prevention.persistence.history.Changes;

/** Schedules a commission's sessions, numbered in order within the commission (the commission is locked by the caller). */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SessionService {

    @Inject
    ChangeRecorder changes;
    @Inject
    SessionEvents events;

    public CommissionSession schedule(Commission c, ScheduleRequest r, String actor, LocalDate today) {
        if (r.date().isBefore(today)) {
            throw ProblemException.field(ProblemType.VALIDATION, "date", "must be today or later");
        }
        if (r.date().isAfter(today.plusYears(2))) {
            throw ProblemException.field(ProblemType.VALIDATION, "date", "must be within two years");
        }
        Number last = CommissionSession.getEntityManager()
                .createQuery("select max(s.number) from CommissionSession s where s.commission = ?1", Number.class)
                .setParameter(1, c).getSingleResult();
        CommissionSession s = new CommissionSession();
        s.id = UUID.randomUUID();
        s.commission = c;
        s.number = last == null ? 1 : last.intValue() + 1;
        s.date = r.date();
        s.place = r.place().strip();
        s.status = SessionStatus.SCHEDULED;
        s.createdBy = actor;
        s.createdAt = Instant.now();
        s.updatedAt = s.createdAt;
        s.persist();
        Changes diff = Changes.creation();
        diff.set("date", null, s.date);
        diff.set("number", null, s.number);
        changes.record(s, "SCHEDULED", diff, events.scheduled(s));
        return s;
    }
}
