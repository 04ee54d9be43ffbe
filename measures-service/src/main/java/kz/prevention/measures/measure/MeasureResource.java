package kz.prevention.measures.measure;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import kz.prevention.commons.access.Roles;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.prevention.commons.territory.Today;
import kz.prevention.measures.access.MeasuresAccess;
import kz.prevention.persistence.history.HistoryEntry;
import kz.prevention.persistence.history.HistoryLog;
import kz.prevention.persistence.read.AuditedList;

/** One measure: read it, and move it through its workflow. Every change needs If-Match. */
@Path("/api/v1/measures/{id}")
@Tag(name = "measures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REGISTRY_OFFICER, Roles.JUVENILE_INSPECTOR, Roles.MEASURES_EXECUTOR, Roles.SUPERVISOR})
public class MeasureResource {

    @Inject
    MeasureLoader loader;
    @Inject
    MeasureWorkflow workflow;
    @Inject
    MeasureViews views;
    @Inject
    MeasuresAccess access;
    @Inject
    HistoryLog history;
    @Inject
    Today today;

    @GET
    @Operation(summary = "One measure, with its ETag",
            description = "Visible to the planners of its plan's territory, to its executing agency, and to the supervisor.")
    public Response get(@PathParam("id") UUID id) {
        return views.ok(loader.forRead(id), today.date());
    }

    // Views are built inside the transaction: a failure after the change rolls the change back too.
    @Transactional
    @PATCH
    @Operation(summary = "Change the responsible person, the due date or the organisation (planners); needs If-Match",
            description = "A new due date lets an overdue be raised again for it. A new organisation must be one of the"
                    + " executing agency's serving the measure's territory (422 naming organisation otherwise).")
    @APIResponse(responseCode = "409", description = "the measure is finished")
    @APIResponse(responseCode = "412", description = "If-Match is stale: read the measure again")
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull UpdateMeasureRequest request) {
        Measure m = loader.forPlanning(id, ifMatch);
        workflow.reschedule(m, request, today.date());
        return views.ok(m, today.date());
    }

    @Transactional
    @POST
    @Path("/start")
    @Operation(summary = "The executing agency starts the measure: PLANNED → IN_PROGRESS; needs If-Match")
    @APIResponse(responseCode = "409", description = "the measure is not PLANNED")
    public Response start(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid StartRequest request) {
        Measure m = loader.forExecution(id, ifMatch);
        workflow.start(m, request == null ? null : request.startedOn(), today.date());
        return views.ok(m, today.date());
    }

    @Transactional
    @POST
    @Path("/completion")
    @Operation(summary = "The executing agency reports it done, with the result and evidence: IN_PROGRESS → DONE; needs If-Match")
    @APIResponse(responseCode = "409", description = "the measure is not IN_PROGRESS")
    public Response complete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CompletionRequest request) {
        Measure m = loader.forExecution(id, ifMatch);
        workflow.complete(m, request.result(), request.evidenceRef(), request.completedOn(), today.date());
        return views.ok(m, today.date());
    }

    @Transactional
    @POST
    @Path("/cancellation")
    @Operation(summary = "The planner withdraws an unfinished measure: → CANCELLED; needs If-Match")
    @APIResponse(responseCode = "409", description = "the measure is already DONE or CANCELLED")
    public Response cancel(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CancellationRequest request) {
        Measure m = loader.forPlanning(id, ifMatch);
        workflow.withdraw(m, request.note(), today.date());
        return views.ok(m, today.date());
    }

    @GET
    @Path("/history")
    @Operation(summary = "Every change of the measure: who, when, what before and after")
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        Measure m = loader.forRead(id);
        return new AuditedList<>("measure-history", m.id, m.plan.personId, history.of(MeasureAssignment.HISTORY_TYPE, m.id));
    }
}
