package kz.prevention.reporting.work;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import kz.prevention.commons.access.Denials;
import kz.prevention.commons.access.Roles;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.commons.territory.Today;

/**
 * Officers' and units' objective prevention-work indicators (issue 12 §6; Law No. 380-IV Art. 1.3-1:
 * the "digital rating" rests on objective data). Internal: an officer sees their own, an authorised
 * head its units and their officers; never published, never in the National report, its exports or
 * the analysts' stream. Small counts are shown as they are. Every answer is written to the audit log
 * before it leaves (the answers are {@link kz.prevention.persistence.read.Audited}; the read filter
 * writes them), and so is a refused unit (a {@link Denials} entry, written as DENIED).
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class WorkIndicatorsResource {

    static final String AUDIT_TYPE = "work-indicators";

    @Inject
    WorkIndicators indicators;
    @Inject
    WorkAccess access;
    @Inject
    Denials denials;
    @Inject
    Today today;

    @GET
    @Path("/officers/me/indicators")
    @RolesAllowed({Roles.REGISTRY_OFFICER, Roles.JUVENILE_INSPECTOR, Roles.AUTHORISED_HEAD})
    @Operation(operationId = "officerIndicatorsMine", summary = "The caller's own prevention-work indicators over a period",
            description = "Control visits on time and late, control and Order 163 deadlines missed, and the caseload at the"
                    + " period's end, of the entries the caller held as responsible officer (the registry's"
                    + " responsibleOfficer.userId = the token's sub) on each fact's day. Internal, unsuppressed.")
    public WorkViews.OfficerIndicators mine(
            @Parameter(description = "first day (default: the first of to's month)", example = "2026-10-01")
            @QueryParam("from") String from,
            @Parameter(description = "last day (default: today); at most a year after from", example = "2026-10-31")
            @QueryParam("to") String to) {
        UUID self = access.self();
        WorkPeriod period = WorkPeriod.of(from, to, today.date());
        List<WorkIndicators.Count> counts = indicators.counts(WorkIndicators.Filter.officer(self), period.from(), period.to());
        Map<String, Long> total = WorkIndicators.sum(counts, c -> "all").getOrDefault("all", Map.of());
        List<String> units = WorkIndicators.sum(counts, c -> c.unit().id()).keySet().stream().toList();
        return new WorkViews.OfficerIndicators(self, period.from(), period.to(), WorkFigures.of(total, false), units);
    }

    @GET
    @Path("/officers/me/indicators/facts")
    @RolesAllowed({Roles.REGISTRY_OFFICER, Roles.JUVENILE_INSPECTOR, Roles.AUTHORISED_HEAD})
    @Operation(operationId = "officerIndicatorFactsMine", summary = "What the caller's own indicators are built from",
            description = "One row per counted fact: the indicator, the entry id, the day, the due date, on time or not,"
                    + " a missed deadline's code and the unit. Entry ids only: reporting holds no names or IINs.")
    public WorkViews.OfficerFacts myFacts(
            @Parameter(description = "one indicator (default: all of them)", example = "WORK_CONTROL_VISITS_LATE")
            @QueryParam("indicator") String indicator,
            @Parameter(description = "first day (default: the first of to's month)", example = "2026-10-01")
            @QueryParam("from") String from,
            @Parameter(description = "last day (default: today); at most a year after from", example = "2026-10-31")
            @QueryParam("to") String to) {
        if (indicator != null && !WorkIndicators.OFFICER_CODES.contains(indicator)) {
            throw ProblemException.field(ProblemType.VALIDATION, "indicator",
                    "one of " + String.join(", ", new java.util.TreeSet<>(WorkIndicators.OFFICER_CODES)));
        }
        UUID self = access.self();
        WorkPeriod period = WorkPeriod.of(from, to, today.date());
        return new WorkViews.OfficerFacts(self, period.from(), period.to(), indicator,
                indicators.facts(WorkIndicators.Filter.officer(self), indicator, period.from(), period.to()));
    }

    @GET
    @Path("/units/indicators")
    @RolesAllowed(Roles.AUTHORISED_HEAD)
    @Operation(operationId = "unitIndicators", summary = "An authorised head's units and their indicators over a period",
            description = "The units (agency in a district) of the head's agency within the unit it heads, or within"
                    + " region, that had work in the period; measures executed on time count for the executing agency's"
                    + " unit. Internal, unsuppressed.")
    public WorkViews.UnitIndicatorList units(
            @Parameter(description = "KATO code within the unit the caller heads (default: that unit); outside it: 403",
                    example = "750000000") @QueryParam("region") String region,
            @Parameter(description = "first day (default: the first of to's month)", example = "2026-10-01")
            @QueryParam("from") String from,
            @Parameter(description = "last day (default: today); at most a year after from", example = "2026-10-31")
            @QueryParam("to") String to) {
        WorkAccess.HeadScope head = access.head();
        String prefix = head.prefix(region);
        WorkPeriod period = WorkPeriod.of(from, to, today.date());
        List<WorkIndicators.Count> counts = indicators.counts(WorkIndicators.Filter.units(head.agency(), prefix),
                period.from(), period.to()).stream().filter(c -> head.covers(c.unit())).toList();
        List<WorkViews.UnitIndicators> units = WorkIndicators.sum(counts, WorkIndicators.Count::unit).entrySet().stream()
                .map(e -> new WorkViews.UnitIndicators(e.getKey().id(), e.getKey().agency(), e.getKey().kato(),
                        WorkFigures.of(e.getValue(), true))).toList();
        return new WorkViews.UnitIndicatorList(region == null ? head.unit() : region, period.from(), period.to(), units,
                head.agency());
    }

    @GET
    @Path("/units/{unit}/officers/indicators")
    @RolesAllowed(Roles.AUTHORISED_HEAD)
    @Operation(operationId = "unitOfficerIndicators", summary = "A unit's indicators and its officers' over a period",
            description = "For an authorised head of the unit's agency whose unit covers it; any other unit is 404."
                    + " Officers are their account ids; work on entries held without a named account is unattributed.")
    public WorkViews.UnitOfficers unitOfficers(
            @Parameter(description = "the unit: agency and district KATO code", example = "POLICE-751000000")
            @PathParam("unit") String unitId,
            @Parameter(description = "first day (default: the first of to's month)", example = "2026-10-01")
            @QueryParam("from") String from,
            @Parameter(description = "last day (default: today); at most a year after from", example = "2026-10-31")
            @QueryParam("to") String to) {
        WorkAccess.HeadScope head = access.head();
        Unit unit = Unit.parse(unitId).filter(head::covers).orElse(null);
        if (unit == null) {
            String shown = unitId.replaceAll("[^A-Z0-9_-]", "?");
            denials.record(AUDIT_TYPE, "unit/" + shown, null, "unit outside the caller's scope, or none");
            throw ProblemException.notFound("unit " + shown);
        }
        WorkPeriod period = WorkPeriod.of(from, to, today.date());
        List<WorkIndicators.Count> counts = indicators.counts(WorkIndicators.Filter.unit(unit), period.from(), period.to());
        Map<String, Long> total = WorkIndicators.sum(counts, c -> "all").getOrDefault("all", Map.of());
        List<WorkViews.OfficerRow> officers = WorkIndicators.sum(counts, WorkIndicators.Count::officerId).entrySet().stream()
                .map(e -> new WorkViews.OfficerRow(e.getKey(), WorkFigures.of(e.getValue(), false))).toList();
        Map<String, Long> unattributed = WorkIndicators.sum(counts.stream().filter(c -> c.officerId() == null
                && WorkIndicators.OFFICER_CODES.contains(c.indicator())).toList(), c -> "none").getOrDefault("none", Map.of());
        return new WorkViews.UnitOfficers(unit.id(), period.from(), period.to(), WorkFigures.of(total, true), officers,
                WorkFigures.of(unattributed, false));
    }
}
