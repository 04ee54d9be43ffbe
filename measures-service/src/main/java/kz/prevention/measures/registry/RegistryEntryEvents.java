package kz.prevention.measures.registry;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.prevention.commons.territory.Today;
import kz.prevention.eventing.envelope.CloudEvent;
import kz.prevention.eventing.inbox.EventHandler;
import kz.prevention.measures.decision.InstructionApplier;
import kz.prevention.measures.plan.PlanService;
import kz.prevention.measures.plan.PreventionPlan;

/**
 * Follows the registry: an entry registered opens its individual plan (once: the inbox drops
 * redeliveries, and the entry id is unique among plans); an entry transferred moves the plan to
 * the new territory; an entry removed closes the plan and cancels its unfinished measures.
 */
@ApplicationScoped
public class RegistryEntryEvents implements EventHandler {

    private static final Logger LOG = Logger.getLogger(RegistryEntryEvents.class);

    static final String REGISTERED = "kz.prevention.registry.entry.registered.v1";
    static final String TRANSFERRED = "kz.prevention.registry.entry.transferred.v1";
    static final String REMOVED = "kz.prevention.registry.entry.removed.v1";

    @Inject
    PlanService plans;
    @Inject
    InstructionApplier instructions;
    @Inject
    ObjectMapper mapper;
    @Inject
    Today today;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Registered(UUID entryId, UUID personId, String category, boolean minor, String region, String measure,
            LocalDate measureEndDate) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Transferred(UUID entryId, String toRegion) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Removed(UUID entryId, String reason, LocalDate removalDate) {
    }

    @Override
    public String name() {
        return "plans";
    }

    @Override
    public Set<String> topics() {
        return Set.of("prevention.registry.entries");
    }

    @Override
    public void handle(CloudEvent event) {
        switch (event.type()) {
            case REGISTERED -> registered(event.dataAs(mapper, Registered.class));
            case TRANSFERRED -> transferred(event.dataAs(mapper, Transferred.class));
            case REMOVED -> removed(event.dataAs(mapper, Removed.class));
            default -> {
                // Other registry events (controls, deadlines) do not change plans.
            }
        }
    }

    private void registered(Registered e) {
        if (PreventionPlan.forEntry(e.entryId()).isPresent()) {
            LOG.infof("entry %s already has a plan; registration event ignored", e.entryId());
            return;
        }
        PreventionPlan plan = plans.openForEntry(new PlanService.EntryFacts(e.entryId(), e.personId(), e.region(),
                e.category(), e.minor(), e.measure(), e.measureEndDate()), today.date());
        instructions.applyWaitingFor(plan, today.date());
    }

    private void transferred(Transferred e) {
        PreventionPlan.forEntry(e.entryId()).ifPresentOrElse(p -> plans.transfer(p, e.toRegion()),
                () -> LOG.warnf("entry %s was transferred but has no plan here", e.entryId()));
    }

    private void removed(Removed e) {
        PreventionPlan.forEntry(e.entryId()).ifPresentOrElse(
                p -> plans.close(p, "ENTRY_REMOVED", e.removalDate(), "entry removed from the registry: " + e.reason()),
                () -> LOG.warnf("entry %s was removed but has no plan here", e.entryId()));
        instructions.rejectWaitingFor(e.entryId(), "the entry was removed from the registry before its plan opened");
    }
}
