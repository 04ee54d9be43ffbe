package kz.prevention.registry.transfer;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;

/** Pending transfers of the caller's territory. */
@Path("/api/v1/transfers")
@Tag(name = "transfers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"registry-officer", "juvenile-inspector", "supervisor"})
public class TransferListResource {

    @Inject
    TransferService transfers;

    @GET
    @Operation(summary = "Pending transfers into (incoming) or out of (outgoing) your territory")
    public List<EntryTransfer> list(@QueryParam("direction") @DefaultValue("incoming") String direction) {
        if (!direction.equals("incoming") && !direction.equals("outgoing")) {
            throw ProblemException.field(ProblemType.VALIDATION, "direction", "incoming or outgoing");
        }
        return transfers.list(direction);
    }
}
