package kz.prevention.measures.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import kz.prevention.commons.territory.Today;
import kz.prevention.eventing.contract.RegistryEvents;
import kz.prevention.eventing.inbox.EventHandler;
import kz.prevention.eventing.inbox.Subscriptions;
import kz.prevention.measures.decision.InstructionApplier;
import kz.prevention.measures.planning.PlanService;
import kz.prevention.measures.plan.PreventionPlan;
import kz.prevention.persistence.merge.PersonMergeMap;

/**
 * Follows the registry: an entry registered opens its individual plan (once: the inbox drops
 * redeliveries, and the entry id is unique among plans); an entry transferred moves the plan to
 * the new territory; an entry removed closes the plan and cancels its unfinished measures. A person
 * merged in the registry makes the merged id's plans the survivor's ({@link MergedPersons}).
 */
@ApplicationScoped
public class RegistryEntryEvents implements EventHandler {

    private static final Logger LOG = Logger.getLogger(RegistryEntryEvents.class);

    @Inject
    PlanService plans;
    @Inject
    InstructionApplier instructions;
    @Inject
    Today today;
    @Inject
    MergedPersons mergedPersons;
    @Inject
    PersonMergeMap merges;

    @Override
    public String name() {
        return "plans";
    }

    @Override
    public Subscriptions subscriptions() {
        // Other registry events (controls, deadlines) do not change plans; the inbox records them and moves on.
        return Subscriptions.create()
                .on(RegistryEvents.EntryRegistered.class, this::registered)
                .on(RegistryEvents.Transferred.class, this::transferred)
                .on(RegistryEvents.EntryRemoved.class, this::removed)
                .on(RegistryEvents.PersonMerged.class, e -> mergedPersons.merged(e.mergedPersonId(), e.survivorPersonId()));
    }

    private void registered(RegistryEvents.EntryRegistered e) {
        if (PreventionPlan.forEntry(e.entryId()).isPresent()) {
            LOG.infof("entry %s already has a plan; registration event ignored", e.entryId());
            return;
        }
        PreventionPlan plan = plans.openForEntry(new PlanService.EntryFacts(e.entryId(),
                merges.current(e.personId()), e.region(),
                e.category(), e.minor(), e.measure(), e.measureEndDate()), today.date());
        instructions.applyWaitingFor(plan, today.date());
    }

    private void transferred(RegistryEvents.Transferred e) {
        PreventionPlan.forEntry(e.entryId()).ifPresentOrElse(p -> plans.transfer(p, e.toRegion()),
                () -> LOG.warnf("entry %s was transferred but has no plan here", e.entryId()));
    }

    private void removed(RegistryEvents.EntryRemoved e) {
        PreventionPlan.forEntry(e.entryId()).ifPresentOrElse(
                p -> plans.close(p, "ENTRY_REMOVED", e.removalDate(), "entry removed from the registry: " + e.reason()),
                () -> LOG.warnf("entry %s was removed but has no plan here", e.entryId()));
        instructions.rejectWaitingFor(e.entryId(), "the entry was removed from the registry before its plan opened");
    }
}
