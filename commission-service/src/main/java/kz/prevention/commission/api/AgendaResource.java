package kz.prevention.commission.api;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.prevention.commission.commission.CommissionAccess;
import kz.prevention.commission.commission.CommissionMember;
import kz.prevention.commission.decision.Decision;
import kz.prevention.commission.decision.DecisionRequest;
import kz.prevention.commission.decision.DecisionService;
import kz.prevention.commission.decision.DecisionView;
import kz.prevention.commission.rules.Tally;
import kz.prevention.commission.sitting.RecusalRequest;
import kz.prevention.commission.sitting.SittingService;
import kz.prevention.commission.sitting.TallyView;
import kz.prevention.commission.sitting.VoteRequest;
import kz.prevention.commons.concurrency.ETags;
import kz.prevention.commission.session.CommissionSession;
import kz.prevention.commons.access.Roles;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.commission.agenda.ReasonRequest;
import kz.prevention.commission.agenda.Materials;
import kz.prevention.commission.agenda.AgendaItemView;
import kz.prevention.commission.agenda.AgendaItem;
import kz.prevention.commission.agenda.AgendaKinds;
import kz.prevention.commission.agenda.AgendaService;

/** Agenda items: proposals waiting for the secretary, and the secretary's answer to each. */
@Path("/api/v1/agenda-items")
@Tag(name = "agenda")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COMMISSION_SECRETARY, Roles.COMMISSION_MEMBER, Roles.SUPERVISOR})
public class AgendaResource {

    @Inject
    AgendaService agenda;
    @Inject
    AgendaKinds kinds;
    @Inject
    Materials materials;
    @Inject
    CommissionAccess access;
    @Inject
    EntityManager em;
    @Inject
    kz.prevention.commons.territory.Today today;
    @Inject
    SittingService sitting;
    @Inject
    kz.prevention.persistence.history.HistoryLog historyLog;
    @Inject
    DecisionService decisions;

    @GET
    @Path("/{id}")
    @Operation(summary = "One agenda item")
    public AgendaItemView get(@PathParam("id") UUID id) {
        return AgendaItemView.of(materials.itemForRead(id));
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "Every change of the item: proposed, accepted, deferred, dismissed, votes, decided")
    public List<kz.prevention.persistence.history.HistoryEntry> history(@PathParam("id") UUID id) {
        AgendaItem i = materials.itemForRead(id);
        return new kz.prevention.persistence.read.AuditedList<>("agenda-item-history", i.id, i.personId,
                historyLog.of("agenda-item", i.id));
    }

    @Transactional
    @POST
    @Path("/{id}/acceptance")
    @Operation(summary = "Accept a proposed or deferred item into a session of the commission (secretary), with a reason")
    @APIResponse(responseCode = "409", description = "the item is not waiting, or the session is signed")
    public AgendaItemView accept(@PathParam("id") UUID id, @Valid @NotNull ReasonRequest request) {
        AgendaItem i = materials.itemForManage(id);
        if (request.sessionId() == null) {
            throw ProblemException.field(ProblemType.VALIDATION, "sessionId", "required for acceptance");
        }
        CommissionSession s = em.find(CommissionSession.class, request.sessionId(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (s == null || !s.commission.id.equals(i.commission.id)) {
            throw ProblemException.field(ProblemType.UNPROCESSABLE, "sessionId", "no such session of this commission");
        }
        agenda.accept(i, s, request.reason().strip());
        em.flush();
        return AgendaItemView.of(i);
    }

    @Transactional
    @POST
    @Path("/{id}/deferral")
    @Operation(summary = "Defer an item to a later session (secretary), with a reason")
    public AgendaItemView defer(@PathParam("id") UUID id, @Valid @NotNull ReasonRequest request) {
        AgendaItem i = materials.itemForManage(id);
        agenda.defer(i, request.reason().strip());
        em.flush();
        return AgendaItemView.of(i);
    }

    @Transactional
    @POST
    @Path("/{id}/dismissal")
    @Operation(summary = "Dismiss an item (secretary), with a reason; final")
    public AgendaItemView dismiss(@PathParam("id") UUID id, @Valid @NotNull ReasonRequest request) {
        AgendaItem i = materials.itemForManage(id);
        agenda.dismiss(i, request.reason().strip());
        em.flush();
        return AgendaItemView.of(i);
    }

    @Transactional
    @POST
    @Path("/{id}/recusal")
    @Operation(summary = "Declare your own conflict of interest on the item (member): you will not vote on it")
    @APIResponse(responseCode = "409", description = "you have voted or declared already, or the item is not in a sitting")
    public TallyView recuse(@PathParam("id") UUID id, @Valid @NotNull RecusalRequest request) {
        AgendaItem i = materials.itemForSitting(id);
        CommissionMember me = access.requireActingMember(i.commission, sessionDate(i));
        sitting.recuse(i, me, request.reason().strip());
        return tallyOf(i);
    }

    @Transactional
    @POST
    @Path("/{id}/votes")
    @Operation(summary = "Cast your own vote on the item (member): once, when present, not recused, and only with a quorum")
    @APIResponse(responseCode = "403", description = "not a member of the day, or a vote for another member")
    @APIResponse(responseCode = "409", description = "no quorum, not present, recused, already voted, or no sitting")
    public TallyView vote(@PathParam("id") UUID id, @Valid @NotNull VoteRequest request) {
        AgendaItem i = materials.itemForSitting(id);
        CommissionMember me = access.requireActingMember(i.commission, sessionDate(i));
        if (request.memberId() != null && !request.memberId().equals(me.id)) {
            access.recordDenial("agenda-item", i.id, "a vote for another member");
            throw new ProblemException(ProblemType.FORBIDDEN, "a member votes only as themselves");
        }
        sitting.vote(i, me, request.choice());
        return tallyOf(i);
    }

    @GET
    @Path("/{id}/votes")
    @Operation(summary = "The votes on the item and what they decide under the commission's rules")
    public TallyView votes(@PathParam("id") UUID id) {
        AgendaItem i = materials.itemForRead(id);
        if (i.session == null) {
            throw new ProblemException(ProblemType.CONFLICT, "the item is not on a session");
        }
        return tallyOf(i);
    }

    @GET
    @Path("/{id}/decision")
    @Operation(summary = "The decision drafted or adopted on the item, and its ETag (any tab or member sees the draft)")
    @APIResponse(responseCode = "200", description = "the item's decision")
    @APIResponse(responseCode = "404", description = "the item has no decision yet, or is not one the caller may read")
    public Response readDecision(@PathParam("id") UUID id) {
        AgendaItem i = materials.itemForRead(id);
        Decision d = Decision.find("item", i)
                .firstResult();
        if (d == null) {
            throw ProblemException.notFound("decision on agenda item " + id);
        }
        return Response.ok(DecisionView.of(d, today.date()))
                .header("ETag", ETags.of(d.version)).build();
    }

    @Transactional
    @POST
    @Path("/{id}/decision")
    @Operation(summary = "Draft the decision on the item (secretary): text, legal basis, instructions to agencies")
    @APIResponse(responseCode = "201", description = "drafted")
    @APIResponse(responseCode = "409", description = "the item has a decision, or is not in an unsigned sitting")
    @APIResponse(responseCode = "422", description = "an agency may not apply the measure")
    public Response draftDecision(@PathParam("id") UUID id, @Valid @NotNull DecisionRequest request) {
        AgendaItem i = materials.itemForManage(id);
        Decision d = decisions.draft(i, request, access.username());
        em.flush();
        return Response.status(Response.Status.CREATED).header("Location", "/api/v1/decisions/" + d.id)
                .header("ETag", ETags.of(d.version)).entity(DecisionView.of(d, today.date())).build();
    }

    private TallyView tallyOf(AgendaItem i) {
        Tally t = sitting.tally(i);
        return new TallyView(i.id, t.forVotes(), t.against(), t.abstain(), t.eligible(), t.chairVote(),
                i.commission.rules().outcome(t), sitting.votes(i));
    }

    private static java.time.LocalDate sessionDate(AgendaItem i) {
        if (i.session == null) {
            throw new ProblemException(ProblemType.CONFLICT, "agenda item " + i.id + " is not on a session");
        }
        return i.session.date;
    }
}
