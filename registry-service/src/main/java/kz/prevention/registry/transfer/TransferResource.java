package kz.prevention.registry.transfer;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import kz.prevention.commons.access.Roles;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.prevention.commons.territory.Today;
import kz.prevention.registry.entry.EntryViews;

/** Transfers of entries between territories on a change of address. */
@Path("/api/v1/entries/{id}/transfer")
@Tag(name = "transfers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REGISTRY_OFFICER, Roles.JUVENILE_INSPECTOR, Roles.SUPERVISOR})
public class TransferResource {

    @Inject
    TransferService transfers;
    @Inject
    EntryViews views;
    @Inject
    Today today;

    // The view is built in the same transaction: a failure after the change rolls the change back too.
    @Transactional
    @POST
    @Path("/acceptance")
    @Operation(summary = "The receiving body takes the entry over; needs If-Match")
    public Response accept(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull TransferRequests.Acceptance acceptance) {
        return views.ok(transfers.accept(id, ifMatch, acceptance, today.date()), today.date());
    }

    // The view is built in the same transaction: a failure after the change rolls the change back too.
    @Transactional
    @POST
    @Path("/rejection")
    @Operation(summary = "The receiving body refuses the transfer; the entry stays; needs If-Match")
    public Response reject(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull TransferRequests.Rejection rejection) {
        return views.ok(transfers.reject(id, ifMatch, rejection, today.date()), today.date());
    }
}
