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
import kz.prevention.reference.calendar.DeadlineRule;
import kz.prevention.reference.calendar.Order163Deadlines;
import kz.prevention.commons.territory.Today;
import kz.prevention.registry.entry.EntryStatus;
import kz.prevention.registry.entry.RegistryEntry;

/**
 * Raises the registry's deadlines once each, as an event and a work item, without changing the
 * entry's status — a person decides: overdue control visits, a measure's term ending (the
 * extension is submitted the catalog's EXTENSION_SUBMISSION days ahead) or expired, a minor
 * turning 18, and the Order 163 deadlines of the order-163-deadlines catalog counted with the
 * working-day calendar (data entered late, no control plan, a transfer's file not sent or the
 * person not confirmed, the monthly check against reference databases, the quarterly file review, the
 * official warning's copy to the prosecutor, a person's request for early removal not checked or not
 * decided) as {@code deadline-missed}.
 * Each entry is handled in its own transaction under a row lock, re-checked there, so concurrent
 * runs (several replicas) raise nothing twice.
 */
@ApplicationScoped
public class DeadlineMonitor {

    private static final Logger LOG = Logger.getLogger(DeadlineMonitor.class);

    @Inject
    EntityManager em;
    @Inject
    Order163Deadlines deadlines;
    @Inject
    EntryDeadlines entryDeadlines;
    @Inject
    Today today;
    @Inject
    WorkItems workItems;
    @Inject
    ChangeRecorder changes;
    @Inject
    RollingDeadlines rollingDeadlines;

    public record Report(int controlsOverdue, int termsEnding, int termsExpired, int cameOfAge, int deadlinesMissed,
            int databaseChecksDue, int fileReviewsDue) {
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
                        day), day, this::cameOfAge),
                missed(day),
                rolling(RollingDeadlines.DATABASE_CHECK, day),
                rolling(RollingDeadlines.FILE_REVIEW, day));
    }

    private int rolling(RollingDeadlines.Rolling r, LocalDate day) {
        return each(rollingDeadlines.candidates(r, day), day, (e, d) -> rollingDeadlines.raiseIfMissed(r, e, d));
    }

    private List<UUID> ids(String condition, LocalDate day) {
        var q = em.createQuery("select e.id from RegistryEntry e where e.status = :active and " + condition, UUID.class)
                .setParameter("active", EntryStatus.ACTIVE);
        if (condition.contains(":day")) {
            q.setParameter("day", day);
        }
        if (condition.contains(":horizon")) {
            q.setParameter("horizon", termEndingHorizon(day));
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
        if (end == null || end.isBefore(day) || termEndingHorizon(day).isBefore(end)
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
                new RegistryEvents.MinorCameOfAge(e.id, e.region));
        return true;
    }

    /**
     * The last measure end date whose extension must be submitted by {@code day}: the catalog's
     * EXTENSION_SUBMISSION (20 calendar days before expiry) in force on that day.
     */
    private LocalDate termEndingHorizon(LocalDate day) {
        DeadlineRule rule = deadlines.rule(Order163Deadlines.EXTENSION_SUBMISSION, day);
        return switch (rule.unit()) {
            case WORKING_DAYS -> deadlines.calendar().plusWorkingDays(day, rule.amount());
            case MONTHS -> day.plusMonths(rule.amount());
            default -> day.plusDays(rule.unit() == kz.prevention.reference.calendar.DeadlineUnit.HOURS
                    ? rule.amount() / 24 : rule.amount());
        };
    }

    /** Started deadlines (data entry, control plan, transfer) past due, neither met nor raised. */
    private int missed(LocalDate day) {
        List<UUID> ids = em.createQuery("select d.id from EntryDeadline d, RegistryEntry e where e.id = d.entryId"
                + " and e.status = :active and d.metOn is null and d.raisedAt is null and d.dueOn < :day", UUID.class)
                .setParameter("active", EntryStatus.ACTIVE).setParameter("day", day).getResultList();
        int raised = 0;
        for (UUID id : ids) {
            boolean done = QuarkusTransaction.requiringNew().call(() -> {
                EntryDeadline d = em.find(EntryDeadline.class, id);
                RegistryEntry e = d == null ? null : em.find(RegistryEntry.class, d.entryId, LockModeType.PESSIMISTIC_WRITE);
                if (e == null || !e.isActive()) {
                    return false;
                }
                em.refresh(d);
                if (d.metOn != null || !d.dueOn.isBefore(day)) {
                    return false;
                }
                return entryDeadlines.raise(e, d, details(d));
            });
            raised += done ? 1 : 0;
        }
        return raised;
    }

    private static String details(EntryDeadline d) {
        return switch (d.code) {
            case Order163Deadlines.CONTROL_PLAN -> "no individual control plan (risk level) by " + d.dueOn + " (Order 163)";
            case Order163Deadlines.TRANSFER_FILE -> "transfer's file not received by " + d.dueOn + " (Order 163: sent within 3 working days)";
            case Order163Deadlines.TRANSFER_TRACING -> "arrival not confirmed by " + d.dueOn + ": start tracing (Order 163)";
            case Order163Deadlines.EARLY_REMOVAL_CHECK -> "the person's request for early removal not checked by " + d.dueOn
                    + " (Order 163: within 5 working days)";
            case Order163Deadlines.EARLY_REMOVAL_DECISION -> "the person's request for early removal not decided by "
                    + d.dueOn + " (Order 163: within 3 working days of the check)";
            case Order163Deadlines.WARNING_COPY_TO_PROSECUTOR -> "the official warning's copy not sent to the prosecutor by "
                    + d.dueOn + " (Order 163: within 24 hours of the warning)";
            default -> d.code + " due " + d.dueOn + " (Order 163)";
        };
    }

    private void raised(RegistryEntry e, WorkItem.Kind kind, LocalDate due, String details, DomainEvent event) {
        e.updatedAt = Instant.now();
        workItems.open(e, kind, due, details);
        changes.record(e, "RAISED_" + kind.name(), new Changes().note("due", due), event);
    }
}
