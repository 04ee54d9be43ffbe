package kz.prevention.registry.approval;

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
import kz.prevention.registry.lifecycle.ExtendRequest;
import kz.prevention.registry.lifecycle.RemovalRequest;
import kz.prevention.registry.transfer.TransferRequests;

/**
 * The acts one-man management reserves to an authorised head, as an officer requests them on an
 * entry: an extension, a removal, a transfer. Each answers 202 with the pending approval; the act
 * itself happens when a head approves it ({@link ApprovalResource}). These endpoints sit with the
 * approvals, not with the entry or the transfer, because a request is an approval's first step.
 */
@Path("/api/v1/entries/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REGISTRY_OFFICER, Roles.JUVENILE_INSPECTOR, Roles.SUPERVISOR})
public class ApprovalRequestResource {

    @Inject
    ApprovalService approvals;
    @Inject
    Today today;

    @Transactional
    @POST
    @Path("/extensions")
    @Tag(name = "entries")
    @Operation(summary = "Request an extension of the measure's term while the risk remains (Art. 59.9); needs If-Match",
            description = "Takes effect only when an authorised head of the keeping body approves it (POST"
                    + " /api/v1/approvals/{id}/approve): until then the entry is unchanged. Checked at once.")
    @APIResponse(responseCode = "202", description = "requested; the pending approval, its Location set")
    @APIResponse(responseCode = "409", description = "the entry was removed, or an extension already awaits approval")
    @APIResponse(responseCode = "422", description = "the new end date breaks the measure's legal maximum")
    public Response extend(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ExtendRequest request) {
        return approvals.requestExtension(id, ifMatch, request, today.date()).response();
    }

    @Transactional
    @POST
    @Path("/removal")
    @Tag(name = "entries")
    @Operation(summary = "Request removal from the registry on a ground of Art. 59.8; needs If-Match",
            description = "Takes effect only when an authorised head of the keeping body approves it (POST"
                    + " /api/v1/approvals/{id}/approve): until then the entry is unchanged. An early removal on the"
                    + " person's own request uses the reason REFORMED_ON_REQUEST. Checked at once.")
    @APIResponse(responseCode = "202", description = "requested; the pending approval, its Location set")
    @APIResponse(responseCode = "409", description = "the entry was removed, a transfer is pending, or a removal already"
            + " awaits approval")
    @APIResponse(responseCode = "422", description = "the reason does not fit the entry (e.g. TERM_ENDED before the end date)")
    public Response remove(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull RemovalRequest request) {
        return approvals.requestRemoval(id, ifMatch, request, today.date()).response();
    }

    @Transactional
    @POST
    @Path("/transfer")
    @Tag(name = "transfers")
    @Operation(summary = "Request sending the entry's file to the body of the territory the person moved to; needs If-Match",
            description = "Takes effect only when an authorised head of the keeping body approves it (POST"
                    + " /api/v1/approvals/{id}/approve): then the transfer is pending at the receiving body.")
    @APIResponse(responseCode = "202", description = "requested; the pending approval, its Location set")
    @APIResponse(responseCode = "409", description = "the entry was removed, a transfer is pending, or one already awaits"
            + " approval")
    public Response request(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull TransferRequests.Request request) {
        return approvals.requestTransfer(id, ifMatch, request, today.date()).response();
    }
}
