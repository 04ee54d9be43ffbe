package kz.prevention.registry.warning;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.prevention.commons.access.Roles;
import kz.prevention.commons.territory.Today;
import kz.prevention.registry.entry.EntryViews;

/** The official warning's copy to the prosecutor (Order 163: within 24 hours). */
@Path("/api/v1/entries/{id}/prosecutor-copy")
@Tag(name = "entries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REGISTRY_OFFICER, Roles.JUVENILE_INSPECTOR, Roles.SUPERVISOR})
public class ProsecutorCopyResource {

    @Inject
    ProsecutorCopies copies;
    @Inject
    EntryViews views;
    @Inject
    Today today;

    // The view is built in the same transaction: a failure after the change rolls the change back too.
    @Transactional
    @POST
    @Operation(operationId = "recordProsecutorCopy", summary = "Record the warning's copy sent to the prosecutor; needs If-Match",
            description = "Once per official-warning entry, by the body keeping it. Meets Order 163's"
                    + " WARNING_COPY_TO_PROSECUTOR deadline on the day sent and closes its work item.")
    @APIResponse(responseCode = "200", description = "recorded; the entry with its new ETag")
    @APIResponse(responseCode = "409", description = "already recorded, or the entry was removed")
    @APIResponse(responseCode = "412", description = "If-Match is stale: read the entry again")
    @APIResponse(responseCode = "422", description = "the entry does not rest on an official warning")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response record(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ProsecutorCopyRequest request) {
        return views.ok(copies.record(id, ifMatch, request, today.date()), today.date());
    }
}
