package kz.prevention.commission.agenda;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.prevention.commission.commission.CommissionAccess;
import kz.prevention.commission.commission.Commission;
import kz.prevention.commission.session.CommissionSession;
import kz.prevention.commons.access.Roles;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;

/** A commission's agenda items: the proposals waiting for its secretary, and the items the secretary puts forward. */
@Path("/api/v1/commissions/{id}/agenda-items")
@Tag(name = "agenda")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COMMISSION_SECRETARY, Roles.COMMISSION_MEMBER, Roles.SUPERVISOR})
public class CommissionAgendaResource {

    @Inject
    AgendaService agenda;
    @Inject
    Materials materials;
    @Inject
    CommissionAccess access;
    @Inject
    EntityManager em;

    @GET
    @Operation(summary = "The commission's agenda items by status (default: those waiting for the secretary)")
    public List<AgendaItemView> list(@PathParam("id") UUID commissionId, @QueryParam("status") ItemStatus status) {
        Commission c = materials.commissionForRead(commissionId);
        List<AgendaItem> items = status == null
                ? AgendaItem.list("commission = ?1 and status in ?2 order by createdAt, id", c,
                        List.of(ItemStatus.PROPOSED, ItemStatus.DEFERRED))
                : AgendaItem.list("commission = ?1 and status = ?2 order by createdAt, id", c, status);
        return items.stream().limit(500).map(AgendaItemView::of).toList();
    }

    @Transactional
    @POST
    @Operation(summary = "Put an item forward (secretary); with sessionId it is accepted into that session at once")
    @APIResponse(responseCode = "201", description = "proposed or accepted")
    @APIResponse(responseCode = "422", description = "minors' materials in a commission not on minors' affairs")
    public Response propose(@PathParam("id") UUID commissionId, @Valid @NotNull ProposeItemRequest request) {
        Commission c = materials.commissionForManage(commissionId);
        AgendaItem i = agenda.propose(c, new AgendaService.Proposal(request.kind(), request.title(), request.entryId(), null,
                null, null, null), AgendaItem.Source.SECRETARY, access.username());
        if (request.sessionId() != null) {
            CommissionSession s = CommissionSession.findById(request.sessionId());
            if (s == null || !s.commission.id.equals(c.id)) {
                throw ProblemException.field(ProblemType.UNPROCESSABLE, "sessionId", "no such session of this commission");
            }
            agenda.accept(i, s, "put forward by the secretary");
        }
        em.flush();
        return Response.status(Response.Status.CREATED).header("Location", "/api/v1/agenda-items/" + i.id)
                .entity(AgendaItemView.of(i)).build();
    }

}
