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

/** The kinds of agenda item, from their dated reference file. */
@Path("/api/v1/agenda-item-kinds")
@Tag(name = "agenda")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COMMISSION_SECRETARY, Roles.COMMISSION_MEMBER, Roles.SUPERVISOR})
public class AgendaKindsResource {

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
    @Operation(summary = "The kinds of agenda item (dated reference file; minorsOnly kinds belong to minors' commissions)")
    public AgendaKinds.File kinds() {
        return kinds.file();
    }

}
