package kz.prevention.registry.monitoring;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import kz.prevention.reference.calendar.Order163Deadlines;
import kz.prevention.registry.entry.RegistryEntry;

/**
 * Deadlines that recur from the last time an act was done (or from the start of control): the monthly
 * check against reference databases (a control visit of that form) and the quarterly file review by a
 * deputy chief (a file review). Nothing is stored while they are kept: the monitor computes the last
 * act from the records, and only a missed one gets an {@code entry_deadline} row ({@code ref}: the day
 * it counted from), so it is raised once per period missed and entries older than the deadlines are
 * covered too.
 */
@ApplicationScoped
public class RollingDeadlines {

    /** One recurring deadline: its catalog code, the SQL for the day it counts from (over entry {@code e}), its story. */
    public record Rolling(String code, String lastActSql, int minimumDays, String what) {
    }

    public static final Rolling DATABASE_CHECK = new Rolling(Order163Deadlines.REFERENCE_DATABASE_CHECK,
            "coalesce((select max(v.visit_date) from control_visit v where v.entry_id = e.id"
                    + " and v.form = 'REFERENCE_DATABASE_CHECK'), e.start_date)",
            28, "check against reference databases");
    public static final Rolling FILE_REVIEW = new Rolling(Order163Deadlines.FILE_REVIEW,
            "coalesce((select max(r.reviewed_on) from file_review r where r.entry_id = e.id), e.start_date)",
            89, "review of the case file by a deputy chief");

    @Inject
    EntityManager em;
    @Inject
    Order163Deadlines deadlines;
    @Inject
    EntryDeadlines entryDeadlines;

    /**
     * Active entries whose last act (or start) is at least the shortest period old and not yet raised
     * for: a coarse cut, each re-checked under its lock with the rule in force ({@link #raiseIfMissed}).
     */
    @SuppressWarnings("unchecked")
    public List<UUID> candidates(Rolling r, LocalDate day) {
        return em.createNativeQuery("select e.id from registry_entry e where e.status = 'ACTIVE' and " + r.lastActSql
                + " < :cutoff and not exists (select 1 from entry_deadline d where d.entry_id = e.id"
                + " and d.code = :code and d.starts_on = " + r.lastActSql + ")", UUID.class)
                .setParameter("cutoff", day.minusDays(r.minimumDays)).setParameter("code", r.code).getResultList();
    }

    /** Under the entry's lock: raises the period counted from the last act when it ended before {@code day}. */
    public boolean raiseIfMissed(Rolling r, RegistryEntry e, LocalDate day) {
        LocalDate last = (LocalDate) em.createNativeQuery("select " + r.lastActSql
                + " from registry_entry e where e.id = :id", LocalDate.class).setParameter("id", e.id).getSingleResult();
        String ref = last.toString();
        if (EntryDeadline.count("entryId = ?1 and code = ?2 and ref = ?3", e.id, r.code, ref) > 0) {
            return false;
        }
        var rule = deadlines.find(r.code, last);
        if (rule.isEmpty() || !rule.get().due(last, deadlines.calendar()).isBefore(day)) {
            return false;
        }
        EntryDeadline d = entryDeadlines.start(e, r.code, ref, last).orElseThrow();
        return entryDeadlines.raise(e, d, "no " + r.what + " since " + last + ", due " + d.dueOn + " (Order 163, rule "
                + d.rule + ")");
    }
}
