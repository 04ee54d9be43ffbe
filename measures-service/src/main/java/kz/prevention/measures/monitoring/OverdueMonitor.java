package kz.prevention.measures.monitoring;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import kz.prevention.commons.territory.Today;
import kz.prevention.eventing.contract.MeasuresEvents;
import kz.prevention.measures.measure.Measure;
import kz.prevention.measures.measure.MeasureStatus;
import kz.prevention.persistence.history.Changes;
import kz.prevention.persistence.change.ChangeRecorder;

/**
 * Flags unfinished measures past their due date and publishes {@code measure.overdue} once per
 * due date (a new due date may be raised again). Each measure is handled in its own transaction
 * under a row lock and re-checked there, so concurrent runs on several replicas raise nothing twice.
 */
@ApplicationScoped
public class OverdueMonitor {

    private static final Logger LOG = Logger.getLogger(OverdueMonitor.class);

    @Inject
    EntityManager em;
    @Inject
    Today today;
    @Inject
    ChangeRecorder changes;

    @Scheduled(cron = "{measures.overdue-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "measures-overdue-monitor")
    void scheduled() {
        int raised = run(today.date());
        if (raised > 0) {
            LOG.infof("overdue monitor: %d measures became overdue", raised);
        }
    }

    /** @return how many measures were newly raised as overdue on {@code day} */
    public int run(LocalDate day) {
        List<UUID> candidates = em.createQuery("select m.id from Measure m where m.status in :open and m.dueDate < :day"
                + " and (m.overdueRaisedFor is null or m.overdueRaisedFor <> m.dueDate)", UUID.class)
                .setParameter("open", MeasureStatus.OPEN_STATES).setParameter("day", day).getResultList();
        int raised = 0;
        for (UUID id : candidates) {
            raised += QuarkusTransaction.requiringNew().call(() -> raise(id, day)) ? 1 : 0;
        }
        return raised;
    }

    private boolean raise(UUID id, LocalDate day) {
        Measure m = em.find(Measure.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (m == null || !m.isOverdue(day) || Objects.equals(m.overdueRaisedFor, m.dueDate)) {
            return false;
        }
        m.overdueRaisedFor = m.dueDate;
        int late = (int) ChronoUnit.DAYS.between(m.dueDate, day);
        changes.record(m, "OVERDUE", new Changes().note("dueDate", m.dueDate), new MeasuresEvents.MeasureOverdue(m.id, m.plan.id, m.region, m.type, m.executingAgency, m.dueDate, day, late,
                        m.decisionId, m.instructionId));
        return true;
    }
}
