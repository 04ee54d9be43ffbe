package kz.prevention.commission.agenda;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.prevention.commons.access.Roles;

/** The kinds of agenda item, from their dated reference file. */
@Path("/api/v1/agenda-item-kinds")
@Tag(name = "agenda")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COMMISSION_SECRETARY, Roles.COMMISSION_MEMBER, Roles.SUPERVISOR})
public class AgendaKindsResource {

    @Inject
    AgendaKinds kinds;

    @GET
    @Operation(summary = "The kinds of agenda item (dated reference file; minorsOnly kinds belong to minors' commissions)")
    public AgendaKinds.File kinds() {
        return kinds.file();
    }
}
