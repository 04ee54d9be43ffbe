package kz.prevention.registry.approval;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.prevention.commons.access.Roles;
import kz.prevention.commons.paging.Page;
import kz.prevention.commons.paging.PageRequest;
import kz.prevention.commons.territory.Today;

/**
 * The authorised head's work queue (one-man management, Law No. 380-IV Art. 4): requested
 * removals, extensions and transfers of entries, approved or rejected by a head of the keeping
 * body, never by the one who asked.
 */
@Path("/api/v1/approvals")
@Tag(name = "approvals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AUTHORISED_HEAD, Roles.REGISTRY_OFFICER, Roles.JUVENILE_INSPECTOR, Roles.SUPERVISOR})
public class ApprovalResource {

    @Inject
    ApprovalService approvals;
    @Inject
    Today today;

    @GET
    @Operation(operationId = "listApprovals", summary = "The work queue: requests about the entries you may read",
            description = "Pending requests (by default) or decided ones, oldest first, within your territory and"
                    + " under the entries' access rule (minors' only with the juvenile-inspector role).")
    @APIResponse(responseCode = "200", description = "a page of approvals")
    public Page<ApprovalView> list(
            @Parameter(description = "PENDING (default), APPROVED, REJECTED or CANCELLED")
            @QueryParam("status") @DefaultValue("PENDING") EntryApproval.Status status,
            @Parameter(description = "REMOVAL, EXTENSION or TRANSFER; all when left out")
            @QueryParam("kind") EntryApproval.Kind kind,
            @Parameter(description = "only the requests about this entry") @QueryParam("entryId") UUID entryId,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return approvals.list(status, kind, entryId, PageRequest.of(page, size), today.date());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getApproval", summary = "One request and its decision")
    @APIResponse(responseCode = "200", description = "the approval")
    @APIResponse(responseCode = "404", description = "no such approval, or its entry is not visible to you")
    public ApprovalView get(@PathParam("id") UUID id) {
        return approvals.get(id, today.date());
    }

    @Transactional
    @POST
    @Path("/{id}/approve")
    @Operation(operationId = "approveApproval", summary = "Approve a request: the change takes effect now",
            description = "Only an authorised head (role authorised-head, claim unit) of the body keeping the entry,"
                    + " and never the officer who asked. The request's checks run again on the entry as it is now.")
    @APIResponse(responseCode = "200", description = "approved; the removal, extension or transfer is applied")
    @APIResponse(responseCode = "403", description = "not an authorised head of the keeping body, or your own request")
    @APIResponse(responseCode = "404", description = "no such approval, or its entry is not visible to you")
    @APIResponse(responseCode = "409", description = "already decided, or the entry's state no longer allows the change")
    @APIResponse(responseCode = "422", description = "the change now breaks a rule of the law (e.g. a date)")
    public ApprovalView approve(@PathParam("id") UUID id, @Valid Decision.Grant grant) {
        return approvals.approve(id, grant, today.date());
    }

    @Transactional
    @POST
    @Path("/{id}/reject")
    @Operation(operationId = "rejectApproval", summary = "Reject a request, with a reason; the entry stays as it is",
            description = "Only an authorised head of the body keeping the entry, and never the officer who asked.")
    @APIResponse(responseCode = "200", description = "rejected")
    @APIResponse(responseCode = "403", description = "not an authorised head of the keeping body, or your own request")
    @APIResponse(responseCode = "404", description = "no such approval, or its entry is not visible to you")
    @APIResponse(responseCode = "409", description = "already decided")
    public ApprovalView reject(@PathParam("id") UUID id, @Valid @NotNull Decision.Rejection rejection) {
        return approvals.reject(id, rejection, today.date());
    }
}
