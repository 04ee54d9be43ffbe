package kz.prevention.commission.api;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.prevention.commission.commission.CommissionAccess;
import kz.prevention.commission.agenda.Materials;
import kz.prevention.commission.commission.Commission;
import kz.prevention.commons.access.Roles;
import kz.prevention.commons.territory.Today;
import kz.prevention.persistence.idempotency.IdempotencyKeys;
import kz.prevention.persistence.idempotency.IdempotentCreation;
import kz.prevention.commission.session.SessionService;
import kz.prevention.commission.session.SessionView;
import kz.prevention.commission.session.ScheduleRequest;
import kz.prevention.commission.session.CommissionSession;

/** A commission's sessions: scheduled by its secretary, listed for whoever may read them. */
@Path("/api/v1/commissions/{id}/sessions")
@Tag(name = "sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COMMISSION_SECRETARY, Roles.COMMISSION_MEMBER, Roles.SUPERVISOR})
public class CommissionSessionsResource {

    @Inject
    SessionService sessions;
    @Inject
    Materials materials;
    @Inject
    CommissionAccess access;
    @Inject
    IdempotentCreation idempotent;
    @Inject
    Today today;
    @Inject
    SessionResource one;

    @POST
    @Operation(summary = "Schedule a session (secretary); send Idempotency-Key to make retries safe")
    @APIResponse(responseCode = "201", description = "scheduled; Location and ETag set")
    public Response schedule(@PathParam("id") UUID commissionId,
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, description = "any unique string, e.g. a UUID")
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Valid @NotNull ScheduleRequest request) {
        return idempotent.create(idempotencyKey, new Object[] {commissionId, request}, () -> {
            Commission c = materials.commissionForManage(commissionId);
            CommissionSession s = sessions.schedule(c, request, access.username(), today.date());
            return new IdempotentCreation.Created("/api/v1/sessions/" + s.id, s.version, SessionView.of(s));
        }, location -> one.get(UUID.fromString(location.substring(location.lastIndexOf('/') + 1))));
    }

    @GET
    @Operation(summary = "The commission's sessions, latest first (a member sees those of its membership's dates)")
    public List<SessionView> list(@PathParam("id") UUID commissionId) {
        Commission c = materials.commissionForRead(commissionId);
        return CommissionSession.<CommissionSession>list("commission = ?1 order by number desc", c).stream()
                .filter(s -> access.mayRead(c, s.date)).limit(200).map(SessionView::of).toList();
    }

}
