package kz.prevention.registry.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import kz.prevention.eventing.contract.RegistryEvents;
import kz.prevention.persistence.change.ChangeRecorder;
import kz.prevention.persistence.history.Changes;
import kz.prevention.reference.calendar.DeadlineRule;
import kz.prevention.reference.calendar.Order163Deadlines;
import kz.prevention.registry.entry.RegistryEntry;

/**
 * Starts, meets and raises an entry's Order 163 deadlines. The version of a deadline in force on the
 * day it starts applies (an amendment from a date touches only deadlines starting from then), and
 * the row records which ({@code rule}). Callers hold the entry (a change's transaction, or the
 * monitor's row lock), so a deadline is raised once.
 */
@ApplicationScoped
public class EntryDeadlines {

    private static final Logger LOG = Logger.getLogger(EntryDeadlines.class);

    /** The {@code ref} of a deadline started by the entry itself (registration). */
    public static final String ENTRY = "entry";

    @Inject
    Order163Deadlines deadlines;
    @Inject
    WorkItems workItems;
    @Inject
    ChangeRecorder changes;

    /** Starts the deadline {@code code} on {@code startsOn}; empty when no version of it is in force that day. */
    public Optional<EntryDeadline> start(RegistryEntry e, String code, String ref, LocalDate startsOn) {
        return start(e, code, ref, startsOn, null);
    }

    /**
     * Starts a deadline that the act starting it also meets ({@code metOn}): its row is written once,
     * met, instead of an insert and an update in the same transaction.
     */
    public Optional<EntryDeadline> startMet(RegistryEntry e, String code, String ref, LocalDate startsOn, LocalDate metOn) {
        return start(e, code, ref, startsOn, metOn);
    }

    private Optional<EntryDeadline> start(RegistryEntry e, String code, String ref, LocalDate startsOn, LocalDate metOn) {
        Optional<DeadlineRule> rule = deadlines.find(code, startsOn);
        if (rule.isEmpty()) {
            LOG.debugf("no version of deadline %s in force on %s: not started for entry %s", code, startsOn, e.id);
            return Optional.empty();
        }
        EntryDeadline d = new EntryDeadline();
        d.id = UUID.randomUUID();
        d.entryId = e.id;
        d.code = code;
        d.ref = ref;
        d.startsOn = startsOn;
        d.dueOn = rule.get().due(startsOn, deadlines.calendar());
        d.rule = rule.get().version();
        d.metOn = metOn;
        d.persist();
        return Optional.of(d);
    }

    /** A transfer's deadlines: the file sent (TRANSFER_FILE) and tracing when arrival is unconfirmed; the file's due date. */
    public LocalDate transferRequested(RegistryEntry e, UUID transferId, LocalDate today) {
        start(e, Order163Deadlines.TRANSFER_TRACING, transferId.toString(), today);
        return start(e, Order163Deadlines.TRANSFER_FILE, transferId.toString(), today).orElseThrow(
                () -> new IllegalStateException("no TRANSFER_FILE deadline in force on " + today)).dueOn;
    }

    /** The receiving body decided (accepted or rejected): the file arrived and the person is accounted for. */
    public void transferDecided(RegistryEntry e, UUID transferId, LocalDate today, String actor) {
        meet(e, List.of(Order163Deadlines.TRANSFER_FILE, Order163Deadlines.TRANSFER_TRACING), transferId.toString(), today,
                actor, "transfer decided " + today);
    }

    /**
     * A person's own request for early removal (Order 163: checked within EARLY_REMOVAL_CHECK, then
     * decided within EARLY_REMOVAL_DECISION of the check), as the registry learns of it: the officer's
     * removal request on an {@code onPersonRequest} reason, awaiting the authorised head ({@code ref}:
     * the approval). The registry records no separate "checked" act, so the decision's deadline is
     * counted from the last day the check may take — it never raises a decision that was still in time.
     */
    public void earlyRemovalRequested(RegistryEntry e, UUID approvalId, LocalDate today) {
        start(e, Order163Deadlines.EARLY_REMOVAL_CHECK, approvalId.toString(), today).ifPresent(
                check -> start(e, Order163Deadlines.EARLY_REMOVAL_DECISION, approvalId.toString(), check.dueOn));
    }

    /** The head approved or rejected the request: it was checked and decided. */
    public void earlyRemovalDecided(RegistryEntry e, UUID approvalId, LocalDate today, String actor) {
        meet(e, List.of(Order163Deadlines.EARLY_REMOVAL_CHECK, Order163Deadlines.EARLY_REMOVAL_DECISION),
                approvalId.toString(), today, actor, "early removal on request decided " + today);
    }

    /** Marks the entry's open deadlines of these codes (and {@code ref}, when given) met, and closes their work items. */
    public void meet(RegistryEntry e, List<String> codes, String ref, LocalDate on, String actor, String resolution) {
        if (ref == null) {
            EntryDeadline.update("metOn = ?1 where entryId = ?2 and code in ?3 and metOn is null", on, e.id, codes);
        } else {
            EntryDeadline.update("metOn = ?1 where entryId = ?2 and code in ?3 and ref = ?4 and metOn is null", on, e.id,
                    codes, ref);
        }
        workItems.resolve(e, codes.stream().map(WorkItem.Kind::valueOf).toList(), actor, resolution);
    }

    /** Raises the deadline as a work item and a {@code deadline-missed} event, unless it was met or raised already. */
    public boolean raise(RegistryEntry e, EntryDeadline d, String details) {
        if (d.raisedAt != null || d.metOn != null && !d.metOn.isAfter(d.dueOn)) {
            return false;
        }
        d.raisedAt = Instant.now();
        e.updatedAt = d.raisedAt;
        workItems.open(e, WorkItem.Kind.valueOf(d.code), d.dueOn, details);
        changes.record(e, "RAISED_" + d.code, new Changes().note("due", d.dueOn).note("rule", d.rule),
                new RegistryEvents.DeadlineMissed(e.id, e.region, d.code, d.dueOn, d.rule));
        return true;
    }
}
