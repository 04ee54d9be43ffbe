package kz.prevention.measures.measure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.measures.config.MeasuresConfig;
import kz.prevention.eventing.contract.MeasuresEvents;
import kz.prevention.persistence.change.ChangeRecorder;
import kz.prevention.measures.plan.PlanKind;
import kz.prevention.measures.plan.PreventionPlan;
import kz.prevention.persistence.history.Changes;

/**
 * Assigns a measure in a plan, enforcing the law's rules before anything is written: the type
 * is in force, the executing subject may apply it (a protective order goes to the police, not
 * to a school), individual measures only in a person's plan, minors-only measures only for
 * minors, the term within the catalog's maximum, and the organisation one of the executing
 * agency's serving the plan's territory. A commission's instruction names an agency only: its
 * measure waits without an organisation (seen by no executor) until a planner routes it.
 */
@ApplicationScoped
public class MeasureAssignment {

    public static final String HISTORY_TYPE = "measure";

    @Inject
    MeasureTypes types;
    @Inject
    MeasuresConfig config;
    @Inject
    ChangeRecorder changes;
    @Inject
    ExecutingOrganisation organisations;

    /** Checks everything; throws a 400/409/422 problem and writes nothing when a rule is broken. */
    public Measure validate(PreventionPlan plan, MeasureSpec spec, LocalDate today) {
        // The law's lists apply as in force on the measure's start: an amendment dated later leaves it under the old rule.
        LocalDate start = spec.startDate() != null ? spec.startDate() : today;
        MeasureTypes.Type type = types.require(spec.type(), "type", start);
        types.requireAgency(spec.executingAgency(), "executingAgency", today);
        if (!plan.isOpen()) {
            throw new ProblemException(ProblemType.CONFLICT, "plan " + plan.id + " is closed (" + plan.closeReason
                    + "); measures can no longer be assigned in it");
        }
        if (!type.mayBeAppliedBy(spec.executingAgency())) {
            throw ProblemException.field(ProblemType.UNPROCESSABLE, "executingAgency", spec.type() + " (Art. "
                    + type.entry().article() + ") is applied by " + type.entry().list("appliers") + ", not by "
                    + spec.executingAgency());
        }
        String organisation = spec.organisation() == null ? null
                : organisations.require(spec.organisation(), spec.executingAgency(), plan.region, today);
        if (type.individual() && plan.kind != PlanKind.INDIVIDUAL) {
            throw ProblemException.field(ProblemType.UNPROCESSABLE, "type",
                    spec.type() + " is an individual measure: assign it in a person's plan, not in a general plan");
        }
        if (!type.individual() && plan.kind == PlanKind.INDIVIDUAL) {
            throw ProblemException.field(ProblemType.UNPROCESSABLE, "type", spec.type() + " is a " + type.kind()
                    + " measure for a territory: assign it in a general plan");
        }
        if (type.minorsOnly() && !plan.minor) {
            throw ProblemException.field(ProblemType.UNPROCESSABLE, "type", spec.type() + " applies to minors only");
        }
        LocalDate due = dueDate(type, spec, start);
        Measure m = new Measure();
        m.id = UUID.randomUUID();
        m.plan = plan;
        m.type = spec.type();
        m.typeKind = type.kind();
        m.typeRule = types.ruleOf(type);
        m.executingAgency = spec.executingAgency();
        m.organisation = organisation;
        m.instructions = spec.instructions();
        m.responsiblePerson = spec.responsiblePerson();
        m.region = plan.region;
        m.minor = plan.minor;
        m.startDate = start;
        m.dueDate = due;
        m.status = MeasureStatus.PLANNED;
        m.decisionId = spec.decisionId();
        m.instructionId = spec.instructionId();
        return m;
    }

    /** Validates, stores, records history and audit, and announces the measure. */
    public Measure assign(PreventionPlan plan, MeasureSpec spec, String actor, LocalDate today) {
        Measure m = validate(plan, spec, today);
        m.createdBy = actor;
        m.createdAt = Instant.now();
        m.updatedAt = m.createdAt;
        m.persist();
        changes.record(m, "ASSIGNED", Changes.creation().note("type", m.type).note("executingAgency", m.executingAgency)
                .note("organisation", m.organisation)
                .note("dueDate", m.dueDate).note("decisionId", m.decisionId).note("by", actor),
                new MeasuresEvents.MeasureAssigned(m.id, plan.id, m.region, m.type, m.executingAgency, m.typeKind,
                        plan.entryId, plan.personId, m.minor, m.startDate, m.dueDate, m.decisionId, m.instructionId));
        return m;
    }

    private LocalDate dueDate(MeasureTypes.Type type, MeasureSpec spec, LocalDate start) {
        LocalDate due = spec.dueDate();
        if (due == null) {
            due = type.defaultTermDays().map(start::plusDays).orElseThrow(() -> ProblemException.field(
                    ProblemType.VALIDATION, "dueDate", "required: the catalog gives " + spec.type() + " no default term"));
        }
        if (due.isBefore(start)) {
            throw ProblemException.field(ProblemType.VALIDATION, "dueDate", "must not be before startDate " + start);
        }
        int max = type.maxTermDays().orElse(config.maxTermDays());
        if (due.isAfter(start.plusDays(max))) {
            throw ProblemException.field(ProblemType.UNPROCESSABLE, "dueDate", spec.type() + " lasts at most " + max
                    + " days: due by " + start.plusDays(max) + " at the latest");
        }
        return due;
    }
}
