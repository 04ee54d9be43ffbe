package kz.prevention.measures.planning;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import kz.prevention.commons.access.Roles;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.prevention.commons.concurrency.ETags;
import kz.prevention.commons.paging.Page;
import kz.prevention.commons.paging.PageRequest;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.territory.Today;
import kz.prevention.measures.access.MeasuresAccess;
import kz.prevention.measures.measure.AssignMeasureRequest;
import kz.prevention.measures.measure.Measure;
import kz.prevention.measures.measure.MeasureAssignment;
import kz.prevention.measures.measure.MeasureTypes;
import kz.prevention.measures.measure.MeasureView;
import kz.prevention.measures.measure.MeasureViews;
import kz.prevention.persistence.history.HistoryEntry;
import kz.prevention.persistence.history.HistoryLog;
import kz.prevention.persistence.read.AuditedList;
import kz.prevention.persistence.idempotency.IdempotencyKeys;
import kz.prevention.persistence.idempotency.IdempotentCreation;
import kz.prevention.measures.plan.PreventionPlan;
import kz.prevention.measures.plan.PlanStatus;
import kz.prevention.measures.plan.PlanKind;

/**
 * Prevention plans: individual plans open and close by themselves with their registry entries;
 * planners add measures to them, and open general plans for their territory.
 */
@Path("/api/v1/plans")
@Tag(name = "plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REGISTRY_OFFICER, Roles.JUVENILE_INSPECTOR, Roles.SUPERVISOR})
public class PlanResource {

    @Inject
    PlanSearch search;
    @Inject
    PlanService plans;
    @Inject
    MeasureAssignment assignment;
    @Inject
    MeasureTypes types;
    @Inject
    MeasureViews measureViews;
    @Inject
    MeasuresAccess access;
    @Inject
    HistoryLog history;
    @Inject
    IdempotentCreation idempotent;
    @Inject
    Today today;

    @GET
    @Operation(summary = "Search plans within your territory",
            description = "Registry officers see adults' plans, juvenile inspectors minors'; the supervisor everything.")
    public Page<PlanView> search(@QueryParam("entryId") UUID entryId, @QueryParam("personId") UUID personId,
            @QueryParam("decisionId") UUID decisionId, @QueryParam("region") String region,
            @QueryParam("status") PlanStatus status, @QueryParam("kind") PlanKind kind,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PlanSearch.Criteria criteria = new PlanSearch.Criteria(entryId, personId, decisionId,
                region == null || region.isBlank() ? null : region.strip(), status, kind);
        return search.search(criteria, PageRequest.of(page, size)).map(p -> PlanView.of(p, null));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One plan with its measures, and its ETag")
    public Response get(@PathParam("id") UUID id) {
        PreventionPlan p = readable(id);
        List<MeasureView> measures = Measure.<Measure>list("plan = ?1 order by createdAt, id", p).stream()
                .map(m -> measureViews.of(m, today.date())).toList();
        return Response.ok(PlanView.of(p, measures)).header("ETag", ETags.of(p.version))
                .build();
    }

    @POST
    @Operation(summary = "Open a general plan for your territory (a programme not about one person)",
            description = "Send Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "201", description = "opened; Location and ETag set")
    public Response openGeneral(
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, description = "any unique string, e.g. a UUID")
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Valid @NotNull OpenGeneralPlanRequest request) {
        return idempotent.create(idempotencyKey, request, () -> {
            types.requireGeneralKind(request.generalKind(), "generalKind", today.date());
            access.requireOpenGeneralPlan(request.region());
            PreventionPlan p = plans.openGeneral(request.generalKind(), request.title(), request.region(), null,
                    access.actor(), today.date());
            return new IdempotentCreation.Created("/api/v1/plans/" + p.id, p.version, PlanView.of(p, List.of()));
        }, location -> get(UUID.fromString(location.substring(location.lastIndexOf('/') + 1))));
    }

    @POST
    @Path("/{id}/measures")
    @Operation(summary = "Assign a measure in the plan to a subject of prevention",
            description = "The subject must be one the law lets apply the measure (catalog individual-measures,"
                    + " attribute appliers). Send Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "201", description = "assigned; Location and ETag set")
    @APIResponse(responseCode = "409", description = "the plan is closed")
    @APIResponse(responseCode = "422", description = "the subject may not apply this measure, or its term is too long")
    public Response assign(@PathParam("id") UUID id,
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, description = "any unique string, e.g. a UUID")
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Valid @NotNull AssignMeasureRequest request) {
        return idempotent.create(idempotencyKey, new Object[] {id, request}, () -> {
            PreventionPlan p = PreventionPlan.findById(id, LockModeType.PESSIMISTIC_WRITE);
            if (p == null) {
                throw ProblemException.notFound("plan " + id);
            }
            access.requirePlanWrite(p);
            Measure m = assignment.assign(p, request.spec(), access.actor(), today.date());
            return new IdempotentCreation.Created("/api/v1/measures/" + m.id, m.version, measureViews.of(m, today.date()));
        }, location -> {
            Measure m = Measure.findById(UUID.fromString(location.substring(location.lastIndexOf('/') + 1)));
            access.requirePlanWrite(m.plan);
            return measureViews.ok(m, today.date());
        });
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "Every change of the plan: opened, moved, closed")
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        PreventionPlan p = readable(id);
        return new AuditedList<>("plan-history", p.id, p.personId, history.of(PlanService.HISTORY_TYPE, p.id));
    }

    private PreventionPlan readable(UUID id) {
        PreventionPlan p = PreventionPlan.findById(id);
        if (p == null || !access.mayReadPlan(p)) {
            throw ProblemException.notFound("plan " + id);
        }
        return p;
    }
}
