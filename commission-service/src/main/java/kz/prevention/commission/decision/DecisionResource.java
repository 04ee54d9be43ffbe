package kz.prevention.commission.decision;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.prevention.commission.commission.CommissionAccess;
import kz.prevention.commons.access.Roles;
import kz.prevention.commons.concurrency.ETags;
import kz.prevention.commons.problem.ProblemException;

/** Decisions: read by whoever may read their sitting; amended by the secretary while drafts; final once signed. */
@Path("/api/v1/decisions/{id}")
@Tag(name = "decisions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COMMISSION_SECRETARY, Roles.COMMISSION_MEMBER, Roles.SUPERVISOR})
public class DecisionResource {

    @Inject
    DecisionService decisions;
    @Inject
    CommissionAccess access;
    @Inject
    EntityManager em;
    @Inject
    kz.prevention.persistence.history.HistoryLog history;
    @Inject
    kz.prevention.commons.territory.Today today;

    @GET
    @Operation(summary = "One decision with its instructions, and its ETag")
    public Response get(@PathParam("id") UUID id) {
        Decision d = Decision.findById(id);
        if (d == null) {
            throw ProblemException.notFound("decision " + id);
        }
        access.requireRead(d.commission, d.session.date);
        return Response.ok(DecisionView.of(d, today.date())).header("ETag", ETags.of(d.version)).build();
    }

    @GET
    @Path("/history")
    @Operation(summary = "Every change of the decision: drafted, amended, adopted or rejected")
    public java.util.List<kz.prevention.persistence.history.HistoryEntry> history(@PathParam("id") UUID id) {
        Decision d = Decision.findById(id);
        if (d == null) {
            throw ProblemException.notFound("decision " + id);
        }
        access.requireRead(d.commission, d.session.date);
        return new kz.prevention.persistence.read.AuditedList<>("decision-history", d.id, d.item.personId,
                history.of("decision", d.id));
    }

    @Transactional
    @PATCH
    @Operation(summary = "Amend a draft decision (secretary); needs If-Match")
    @APIResponse(responseCode = "409", description = "the decision is signed: it never changes (a correction is a new decision)")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public Response amend(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull DecisionPatch patch) {
        Decision d = em.find(Decision.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (d == null) {
            throw ProblemException.notFound("decision " + id);
        }
        access.requireManage(d.commission, d.session.date);
        DecisionService.requireDraft(d);
        ETags.requireMatch(ifMatch, d.version);
        decisions.amend(d, patch);
        em.flush();
        return Response.ok(DecisionView.of(d, today.date())).header("ETag", ETags.of(d.version)).build();
    }
}
