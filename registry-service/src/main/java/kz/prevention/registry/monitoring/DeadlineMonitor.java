package kz.prevention.registry.monitoring;

import kz.prevention.persistence.history.Changes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiPredicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import kz.prevention.eventing.catalog.DomainEvent;
import kz.prevention.eventing.contract.RegistryEvents;
import kz.prevention.persistence.change.ChangeRecorder;
import kz.prevention.registry.config.RegistryConfig;
import kz.prevention.commons.territory.Today;
import kz.prevention.registry.entry.EntryStatus;
import kz.prevention.registry.entry.RegistryEntry;

/**
 * Raises the registry's deadlines once each, as an event and a work item, without changing the
 * entry's status — a person decides: overdue control visits, a measure's term ending (notice
 * days ahead) or expired, and a minor turning 18. Each entry is handled in its own transaction
 * under a row lock, re-checked there, so concurrent runs (several replicas) raise nothing twice.
 */
@ApplicationScoped
public class DeadlineMonitor {

    private static final Logger LOG = Logger.getLogger(DeadlineMonitor.class);

    @Inject
    EntityManager em;
    @Inject
    RegistryConfig config;
    @Inject
    Today today;
    @Inject
    WorkItems workItems;
    @Inject
    ChangeRecorder changes;

    public record Report(int controlsOverdue, int termsEnding, int termsExpired, int cameOfAge) {
    }

    @Scheduled(cron = "{registry.monitor-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "registry-deadline-monitor")
    void scheduled() {
        Report r = run(today.date());
        LOG.infof("deadline monitor: %s", r);
    }

    public Report run(LocalDate day) {
        return new Report(
                each(ids("e.nextControlDate < :day", day), day, this::controlOverdue),
                each(ids("e.measureEndDate >= :day and e.measureEndDate <= :horizon", day), day, this::termEnding),
                each(ids("e.measureEndDate < :day", day), day, this::termExpired),
                each(ids("e.categoryGroup = 'MINOR' and e.cameOfAgeRaised = false and e.person.birthDate <= :adultBornBy",
                        day), day, this::cameOfAge));
    }

    private List<UUID> ids(String condition, LocalDate day) {
        var q = em.createQuery("select e.id from RegistryEntry e where e.status = :active and " + condition, UUID.class)
                .setParameter("active", EntryStatus.ACTIVE);
        if (condition.contains(":day")) {
            q.setParameter("day", day);
        }
        if (condition.contains(":horizon")) {
            q.setParameter("horizon", day.plusDays(config.termEndingNoticeDays()));
        }
        if (condition.contains(":adultBornBy")) {
            q.setParameter("adultBornBy", day.minusYears(18));
        }
        return q.getResultList();
    }

    private int each(List<UUID> ids, LocalDate day, BiPredicate<RegistryEntry, LocalDate> raise) {
        int raised = 0;
        for (UUID id : ids) {
            boolean done = QuarkusTransaction.requiringNew().call(() -> {
                RegistryEntry e = em.find(RegistryEntry.class, id, LockModeType.PESSIMISTIC_WRITE);
                return e != null && e.isActive() && raise.test(e, day);
            });
            raised += done ? 1 : 0;
        }
        return raised;
    }

    private boolean controlOverdue(RegistryEntry e, LocalDate day) {
        if (!e.controlOverdue(day) || Objects.equals(e.overdueRaisedFor, e.nextControlDate)) {
            return false;
        }
        e.overdueRaisedFor = e.nextControlDate;
        int late = (int) ChronoUnit.DAYS.between(e.nextControlDate, day);
        raised(e, WorkItem.Kind.CONTROL_OVERDUE, e.nextControlDate, "control visit due " + e.nextControlDate,
                new RegistryEvents.ControlOverdue(e.id, e.region, e.measure, e.nextControlDate, late));
        return true;
    }

    private boolean termEnding(RegistryEntry e, LocalDate day) {
        LocalDate end = e.measureEndDate;
        if (end == null || end.isBefore(day) || end.minusDays(config.termEndingNoticeDays()).isAfter(day)
                || Objects.equals(e.termEndingRaisedFor, end)) {
            return false;
        }
        e.termEndingRaisedFor = end;
        raised(e, WorkItem.Kind.TERM_ENDING, end, e.measure + " ends " + end + ": extend or prepare removal",
                new RegistryEvents.TermEnding(e.id, e.region, e.measure, end, (int) ChronoUnit.DAYS.between(day, end)));
        return true;
    }

    private boolean termExpired(RegistryEntry e, LocalDate day) {
        LocalDate end = e.measureEndDate;
        if (end == null || !end.isBefore(day) || Objects.equals(e.termExpiredRaisedFor, end)) {
            return false;
        }
        e.termExpiredRaisedFor = end;
        raised(e, WorkItem.Kind.TERM_EXPIRED, end, e.measure + " ended " + end + ": remove (TERM_ENDED) or extend",
                new RegistryEvents.TermExpired(e.id, e.region, e.measure, end));
        return true;
    }

    private boolean cameOfAge(RegistryEntry e, LocalDate day) {
        LocalDate eighteenth = e.person.birthDate.plusYears(18);
        if (!RegistryEntry.MINOR_GROUP.equals(e.categoryGroup) || e.cameOfAgeRaised || eighteenth.isAfter(day)) {
            return false;
        }
        e.cameOfAgeRaised = true;
        raised(e, WorkItem.Kind.MINOR_CAME_OF_AGE, eighteenth, "turned 18 on " + eighteenth + ": ground for removal",
                new RegistryEvents.MinorCameOfAge(e.id, e.person.id, e.region));
        return true;
    }

    private void raised(RegistryEntry e, WorkItem.Kind kind, LocalDate due, String details, DomainEvent event) {
        e.updatedAt = Instant.now();
        workItems.open(e, kind, due, details);
        changes.record(e, "RAISED_" + kind.name(), new Changes().note("due", due), event);
    }
}
