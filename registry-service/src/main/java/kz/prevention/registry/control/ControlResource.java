package kz.prevention.registry.control;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import kz.prevention.commons.access.Roles;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.prevention.commons.territory.Today;
import kz.prevention.registry.entry.EntryViews;

/** The control sheet of an entry (Order 163). */
@Path("/api/v1/entries/{id}/controls")
@Tag(name = "controls")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REGISTRY_OFFICER, Roles.JUVENILE_INSPECTOR, Roles.SUPERVISOR})
public class ControlResource {

    @Inject
    ControlService controls;
    @Inject
    EntryViews views;
    @Inject
    Today today;

    @GET
    @Operation(summary = "Every control visit of the entry, oldest first")
    public List<ControlVisit> sheet(@PathParam("id") UUID id) {
        return controls.sheet(id, today.date());
    }

    // The view is built in the same transaction: a failure after the change rolls the change back too.
    @Transactional
    @POST
    @Operation(summary = "Log a control visit; returns the entry with its new next control date")
    public Response record(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ControlVisitRequest request) {
        return views.ok(controls.record(id, ifMatch, request, today.date()), today.date());
    }
}
