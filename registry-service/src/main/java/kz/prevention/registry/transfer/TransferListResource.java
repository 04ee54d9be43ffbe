package kz.prevention.registry.transfer;

import jakarta.annotation.security.RolesAllowed;

import kz.prevention.commons.access.Roles;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.prevention.commons.paging.Page;
import kz.prevention.commons.paging.PageRequest;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.territory.Today;
import kz.prevention.commons.problem.ProblemType;

/** Pending transfers of the caller's territory. */
@Path("/api/v1/transfers")
@Tag(name = "transfers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REGISTRY_OFFICER, Roles.JUVENILE_INSPECTOR, Roles.SUPERVISOR})
public class TransferListResource {

    @Inject
    TransferService transfers;
    @Inject
    Today today;

    @GET
    @Operation(summary = "Pending transfers into (incoming) or out of (outgoing) your territory")
    public Page<TransferView> list(@QueryParam("direction") @DefaultValue("incoming") String direction,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        if (!direction.equals("incoming") && !direction.equals("outgoing")) {
            throw ProblemException.field(ProblemType.VALIDATION, "direction", "incoming or outgoing");
        }
        return transfers.list(direction, PageRequest.of(page, size), today.date());
    }
}
