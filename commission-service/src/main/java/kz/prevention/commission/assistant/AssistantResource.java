package kz.prevention.commission.assistant;

import java.util.ArrayList;
import java.util.List;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.prevention.commons.access.Roles;
import kz.prevention.commons.concurrency.ETags;
import kz.prevention.commons.paging.Page;
import kz.prevention.commons.paging.PageRequest;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.territory.Today;
import kz.prevention.persistence.read.AuditedList;

/** Public assistants (Arts. 45-47): applications, the registry check, the akimat's registration, rewards. */
@Path("/api/v1/public-assistants")
@Tag(name = "public assistants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REGISTRY_OFFICER, Roles.AKIMAT_OFFICER, Roles.SUPERVISOR})
public class AssistantResource {

    @Inject
    AssistantFiling filing;
    @Inject
    AssistantService service;
    @Inject
    AssistantAccess access;
    @Inject
    RewardService rewards;
    @Inject
    EntityManager em;
    @Inject
    Today today;

    @POST
    @Operation(summary = "File a citizen's application (a law-enforcement officer: registry-officer of agency POLICE) with"
            + " the checks the officer declares; the registry's narrow IIN check is asked at once")
    @APIResponse(responseCode = "201", description = "filed: ELIGIBLE, INELIGIBLE (reasons), or PENDING_CHECK when the"
            + " registry gave no answer (registry.problem says why; re-check later)")
    @APIResponse(responseCode = "409", description = "the citizen already has an open application or registration in the district")
    public Response fileApplication(@Valid @NotNull ApplicationRequest request) {
        UUID id = filing.file(request);
        PublicAssistant a = PublicAssistant.findById(id);
        return Response.status(Response.Status.CREATED).header("Location", "/api/v1/public-assistants/" + id)
                .header("ETag", ETags.of(a.version)).entity(PublicAssistantView.of(a, today.date())).build();
    }

    @GET
    @Operation(summary = "Applications and public assistants of your territory; overdue=true: those the akimat has not"
            + " decided on within the 7 working days")
    public Page<PublicAssistantView> listAssistants(@QueryParam("status") AssistantStatus status, @QueryParam("overdue") Boolean overdue,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest p = PageRequest.of(page, size);
        List<Object> args = new ArrayList<>(List.of(access.listPrefix() + "%"));
        StringBuilder where = new StringBuilder("district like ?1");
        if (status != null) {
            args.add(status);
            where.append(" and status = ?").append(args.size());
        }
        if (Boolean.TRUE.equals(overdue)) {
            args.add(List.of(AssistantStatus.PENDING_CHECK, AssistantStatus.ELIGIBLE, AssistantStatus.INELIGIBLE));
            where.append(" and status in ?").append(args.size());
            args.add(today.date());
            where.append(" and registrationDue < ?").append(args.size());
        }
        long total = PublicAssistant.count(where.toString(), args.toArray());
        List<PublicAssistant> items = PublicAssistant.<PublicAssistant>find(where + " order by registrationDue, id", args.toArray())
                .range(p.offset(), p.offset() + p.size() - 1).list();
        return Page.of(items.stream().map(a -> PublicAssistantView.of(a, today.date())).toList(), p, total);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One application or public assistant, with its ETag (the read is audited)")
    public Response readAssistant(@PathParam("id") UUID id) {
        PublicAssistant a = filing.find(id, false);
        access.requireRead(a);
        return Response.ok(PublicAssistantView.of(a, today.date())).header("ETag", ETags.of(a.version)).build();
    }

    @POST
    @Path("/{id}/registry-check")
    @Operation(summary = "Ask the registry again (police or akimat of the territory): after it was down, or to re-confirm before registering")
    @APIResponse(responseCode = "409", description = "decided already, or ineligible without the registry's answer")
    public PublicAssistantView recheckRegistry(@PathParam("id") UUID id) {
        filing.recheck(id);
        return PublicAssistantView.of(PublicAssistant.findById(id), today.date());
    }

    @Transactional
    @POST
    @Path("/{id}/registration")
    @Operation(summary = "The district akimat registers an eligible applicant (akimat-officer of the territory)")
    @APIResponse(responseCode = "409", description = "not eligible, the registry's answer still missing, or decided already")
    public PublicAssistantView registerAssistant(@PathParam("id") UUID id) {
        PublicAssistant a = locked(id);
        access.requireAkimat(a);
        service.register(a, today.date(), access.username());
        return PublicAssistantView.of(a, today.date());
    }

    @Transactional
    @POST
    @Path("/{id}/refusal")
    @Operation(summary = "The district akimat refuses the application, with a reason")
    @APIResponse(responseCode = "409", description = "decided already")
    public PublicAssistantView refuseAssistant(@PathParam("id") UUID id, @Valid @NotNull RefusalRequest request) {
        PublicAssistant a = locked(id);
        access.requireAkimat(a);
        service.refuse(a, request.reason(), access.username());
        return PublicAssistantView.of(a, today.date());
    }

    @Transactional
    @POST
    @Path("/{id}/rewards")
    @Operation(summary = "Propose a reward for a registered public assistant (akimat-officer): it becomes an item of the"
            + " district interdepartmental commission's agenda, decided by its vote within the maslikhat's budget")
    @APIResponse(responseCode = "201", description = "proposed; the agenda item's id in agendaItemId")
    @APIResponse(responseCode = "409", description = "not registered, or over the year's remaining budget")
    @APIResponse(responseCode = "422", description = "the district has no interdepartmental commission, or no budget for the year")
    public Response proposeReward(@PathParam("id") UUID id, @Valid @NotNull RewardRequest request) {
        PublicAssistant a = filing.find(id, false);
        access.requireAkimat(a);
        AssistantReward r = rewards.propose(a, request, today.date(), access.username());
        em.flush();
        return Response.status(Response.Status.CREATED).header("Location", "/api/v1/public-assistants/" + id + "/rewards")
                .entity(RewardView.of(r)).build();
    }

    @GET
    @Path("/{id}/rewards")
    @Operation(summary = "The assistant's rewards: proposed, granted, rejected, refused over the budget (the read is audited)")
    public List<RewardView> listRewards(@PathParam("id") UUID id) {
        PublicAssistant a = filing.find(id, false);
        access.requireRead(a);
        return new AuditedList<>("public-assistant", a.id, a.id, AssistantReward.<AssistantReward>list(
                "assistantId = ?1 order by proposedAt, id", a.id).stream().map(RewardView::of).toList());
    }

    private PublicAssistant locked(UUID id) {
        PublicAssistant a = em.find(PublicAssistant.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw ProblemException.notFound("public assistant " + id);
        }
        return a;
    }
}
