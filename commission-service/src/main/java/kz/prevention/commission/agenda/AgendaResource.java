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

import kz.prevention.commission.access.CommissionAccess;
import kz.prevention.commission.access.Materials;
import kz.prevention.commission.commission.Commission;
import kz.prevention.commission.session.CommissionSession;
import kz.prevention.commons.access.Roles;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;

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

    @GET
    @Path("/{id}")
    @Operation(summary = "One agenda item")
    public AgendaItemView get(@PathParam("id") UUID id) {
        return AgendaItemView.of(materials.itemForRead(id));
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
}
