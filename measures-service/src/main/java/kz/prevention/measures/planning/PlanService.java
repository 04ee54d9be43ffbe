package kz.prevention.measures.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.prevention.eventing.contract.MeasuresEvents;
import kz.prevention.persistence.change.ChangeRecorder;
import kz.prevention.measures.measure.Measure;
import kz.prevention.measures.measure.MeasureStatus;
import kz.prevention.measures.measure.MeasureWorkflow;
import kz.prevention.persistence.history.Changes;
import kz.prevention.measures.plan.PreventionPlan;
import kz.prevention.measures.plan.PlanStatus;
import kz.prevention.measures.plan.PlanKind;

/** Opens, moves and closes plans; every call runs inside its caller's transaction. */
@ApplicationScoped
public class PlanService {

    public static final String HISTORY_TYPE = "plan";

    @Inject
    ChangeRecorder changes;
    @Inject
    MeasureWorkflow workflow;

    /** What the registry told us of a new entry. */
    public record EntryFacts(UUID entryId, UUID personId, String region, String category, boolean minor,
            String groundingMeasure, LocalDate measureEndDate) {
    }

    public PreventionPlan openForEntry(EntryFacts facts, LocalDate today) {
        PreventionPlan p = newPlan(PlanKind.INDIVIDUAL, facts.region(), "system", today);
        p.entryId = facts.entryId();
        p.personId = facts.personId();
        p.category = facts.category();
        p.minor = facts.minor();
        p.groundingMeasure = facts.groundingMeasure();
        p.measureEndDate = facts.measureEndDate();
        return opened(p, Changes.creation().note("entryId", p.entryId).note("category", p.category));
    }

    public PreventionPlan openGeneral(String generalKind, String title, String region, UUID decisionId, String actor,
            LocalDate today) {
        PreventionPlan p = newPlan(PlanKind.GENERAL, region, actor, today);
        p.generalKind = generalKind;
        p.title = title;
        p.decisionId = decisionId;
        return opened(p, Changes.creation().note("generalKind", generalKind).note("decisionId", decisionId)
                .note("by", actor));
    }

    public void transfer(PreventionPlan p, String toRegion) {
        String from = p.region;
        if (from.equals(toRegion)) {
            return;
        }
        p.region = toRegion;
        p.updatedAt = Instant.now();
        Measure.update("region = ?1, updatedAt = ?2 where plan = ?3", toRegion, Instant.now(), p);
        changes.record(p, "TRANSFERRED", new Changes().note("region", from + " -> " + toRegion),
                new MeasuresEvents.PlanTransferred(p.id, p.entryId, from, toRegion));
    }

    /** Closes the plan and cancels what is still to be done in it: the person is no longer on the registry. */
    public int close(PreventionPlan p, String reason, LocalDate closedOn, String details) {
        if (!p.isOpen()) {
            return 0;
        }
        List<Measure> unfinished = Measure.list("plan = ?1 and status in ?2 order by createdAt", p,
                MeasureStatus.OPEN_STATES);
        for (Measure m : unfinished) {
            workflow.cancelBecausePlanClosed(m, closedOn);
        }
        p.status = PlanStatus.CLOSED;
        p.closedOn = closedOn;
        p.closeReason = reason;
        p.updatedAt = Instant.now();
        changes.record(p, "CLOSED",
                new Changes().note("reason", reason).note("details", details).note("cancelledMeasures", unfinished.size()),
                new MeasuresEvents.PlanClosed(p.id, p.entryId, p.region, reason, closedOn, unfinished.size()));
        return unfinished.size();
    }

    private static PreventionPlan newPlan(PlanKind kind, String region, String actor, LocalDate today) {
        PreventionPlan p = new PreventionPlan();
        p.id = UUID.randomUUID();
        p.kind = kind;
        p.region = region;
        p.status = PlanStatus.OPEN;
        p.openedOn = today;
        p.openedBy = actor;
        p.createdAt = Instant.now();
        p.updatedAt = p.createdAt;
        return p;
    }

    private PreventionPlan opened(PreventionPlan p, Changes diff) {
        p.persist();
        changes.record(p, "OPENED", diff, new MeasuresEvents.PlanOpened(p.id, p.kind.name(), p.entryId, p.region, p.category, p.minor,
                        p.generalKind, p.decisionId, p.openedOn));
        return p;
    }
}
