package kz.prevention.measures.access;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.commons.security.Caller;
import kz.prevention.commons.territory.KatoScope;
import kz.prevention.reference.organisation.Organisations;

/**
 * Who may see and change which plans and measures (confidentiality, Art. 3.2.4 and 83.2):
 * <ul>
 * <li>{@code registry-officer} plans for adults within the territory of its {@code region} claim,
 * {@code juvenile-inspector} for minors (both roles: both);</li>
 * <li>{@code measures-executor} sees and works only the measures assigned to the organisation of its
 * {@code organisation} claim (a BIN), of the subject of prevention of its {@code agency} claim, within
 * its territory — not the rest of the plan, and not another organisation's measures, even of the same
 * agency and territory (issue 10: not every school of Almaty sees every minor's measure); a measure no
 * planner has routed to an organisation is seen by no executor;</li>
 * <li>{@code supervisor} (prosecutor's oversight) reads everything and changes nothing;</li>
 * <li>every other role: nothing.</li>
 * </ul>
 * What the caller may not see is answered as not found, so its existence does not leak.
 */
@RequestScoped
public class MeasuresAccess {

    public static final String OFFICER = "registry-officer";
    public static final String JUVENILE = "juvenile-inspector";
    public static final String EXECUTOR = "measures-executor";
    public static final String SUPERVISOR = "supervisor";

    private final Caller caller;
    private final Organisations organisations;

    @Inject
    public MeasuresAccess(Caller caller, Organisations organisations) {
        this.caller = caller;
        this.organisations = organisations;
    }

    public boolean isSupervisor() {
        return caller.hasRole(SUPERVISOR);
    }

    public boolean isPlanner() {
        return caller.hasRole(OFFICER) || caller.hasRole(JUVENILE);
    }

    public boolean isExecutor() {
        return caller.hasRole(EXECUTOR);
    }

    /** The territory prefix the caller is limited to; "" for no limit (supervisor). */
    public String regionPrefix() {
        if (isSupervisor()) {
            return "";
        }
        return caller.territoryPrefix();
    }

    /** The executing agency whose queue the caller works; 403 without an {@code agency} claim. */
    public String agency() {
        return caller.agency().orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN,
                "the token has no 'agency' claim; ask the realm administrator to set the user's subject of prevention"));
    }

    /** The organisation whose queue the caller works; 403 without an {@code organisation} claim. */
    public String organisation() {
        return caller.organisation().orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN,
                "the token has no 'organisation' claim; ask the realm administrator to set the user's organisation (BIN)"));
    }

    /**
     * The territory prefix the caller's organisation serves (organisations catalog): a person who
     * moved out of it (a transfer) leaves the organisation's view until a planner routes the measure
     * anew. 403 when the claim names no organisation of the catalog.
     */
    public String organisationPrefix() {
        return organisations.find(organisation()).map(o -> KatoScope.prefix(o.territory()))
                .orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN,
                        "the token's 'organisation' claim names no organisation of the organisations catalog"));
    }

    public boolean mayPlanFor(boolean minor) {
        return minor ? caller.hasRole(JUVENILE) : caller.hasRole(OFFICER);
    }

    public boolean mayReadPlan(PlanScope plan) {
        if (isSupervisor()) {
            return true;
        }
        return mayPlanFor(plan.minor()) && plan.region().startsWith(regionPrefix());
    }

    public boolean mayReadMeasure(MeasureScope m) {
        return mayReadPlan(m.planScope()) || isAssignedTo(m);
    }

    /**
     * The caller works for the measure's organisation, of its executing agency, within the measure's
     * territory, and the organisation serves that territory (after a transfer out of it, neither the
     * organisation nor its executors see the measure until a planner routes it anew).
     */
    public boolean isAssignedTo(MeasureScope m) {
        return isExecutor() && m.organisation() != null && caller.organisation().map(m.organisation()::equals).orElse(false)
                && caller.agency().map(m.executingAgency()::equals).orElse(false)
                && caller.region().map(r -> KatoScope.covers(r, m.region())).orElse(false)
                && organisations.find(m.organisation()).map(o -> KatoScope.covers(o.territory(), m.region())).orElse(false);
    }

    /** Planners change plans and measures of their territory: 404 when invisible, 403 when read-only. */
    public void requirePlanWrite(PlanScope plan) {
        if (!mayReadPlan(plan)) {
            throw ProblemException.notFound("plan " + plan.resourceId());
        }
        if (!isPlanner() || !mayPlanFor(plan.minor())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "changing plans needs the registry-officer role"
                    + " (juvenile-inspector for minors); the supervisor reads but does not change");
        }
    }

    /**
     * Planners withdraw and reschedule a measure. The caller already sees it, so one who may not
     * plan for this person (its executing agency) is refused with 403, not 404.
     */
    public void requirePlanning(MeasureScope m) {
        if (!mayReadMeasure(m)) {
            throw ProblemException.notFound("measure " + m.resourceId());
        }
        if (!mayReadPlan(m.planScope())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "only the planners of the plan's territory change or withdraw it");
        }
        requirePlanWrite(m.planScope());
    }

    /** Only the organisation the measure is assigned to starts and completes it. */
    public void requireExecution(MeasureScope m) {
        requireAssigned(m, "reports on this measure");
    }

    /**
     * Only the organisation the measure is assigned to gets the summary of the person it works with;
     * the planners and the supervisor read the registry itself.
     */
    public void requireSummary(MeasureScope m) {
        requireAssigned(m, "gets the summary of the person this measure is about");
    }

    private void requireAssigned(MeasureScope m, String what) {
        if (!mayReadMeasure(m)) {
            throw ProblemException.notFound("measure " + m.resourceId());
        }
        if (!isAssignedTo(m)) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "only a measures-executor of the organisation the measure is assigned to " + what);
        }
    }

    /** A general plan may be opened by a planner within the caller's territory. */
    public void requireOpenGeneralPlan(String region) {
        if (!caller.hasRole(OFFICER)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "opening a general plan needs the registry-officer role");
        }
        if (!region.startsWith(regionPrefix())) {
            throw ProblemException.field(ProblemType.FORBIDDEN, "region",
                    "outside your territory (" + caller.region().orElse("?") + ")");
        }
    }

    public String actor() {
        return caller.username();
    }
}
