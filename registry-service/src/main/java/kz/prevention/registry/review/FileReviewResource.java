package kz.prevention.registry.review;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.prevention.commons.access.Roles;
import kz.prevention.commons.territory.Today;

/** The deputy chief's quarterly reviews of a case file (Order 163). */
@Path("/api/v1/entries/{id}/file-reviews")
@Tag(name = "file reviews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AUTHORISED_HEAD, Roles.REGISTRY_OFFICER, Roles.JUVENILE_INSPECTOR, Roles.SUPERVISOR})
public class FileReviewResource {

    @Inject
    FileReviews reviews;
    @Inject
    Today today;

    @GET
    @Operation(operationId = "listFileReviews", summary = "The reviews of the case file, oldest first")
    public List<FileReview> list(@PathParam("id") UUID id) {
        return reviews.of(id, today.date());
    }

    @Transactional
    @POST
    @Operation(operationId = "recordFileReview", summary = "Record the quarterly review of the case file",
            description = "Only an authorised head (role authorised-head, claim unit) of the body keeping the entry."
                    + " Meets Order 163's FILE_REVIEW deadline; the next is due three months after this review."
                    + " If-Match is checked when sent.")
    @APIResponse(responseCode = "201", description = "recorded; Location of the review list")
    @APIResponse(responseCode = "403", description = "not an authorised head of the keeping body")
    @APIResponse(responseCode = "404", description = "no such entry, or not visible to you")
    @APIResponse(responseCode = "409", description = "the entry was removed")
    public Response record(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull FileReviewRequest request) {
        FileReview review = reviews.record(id, ifMatch, request, today.date());
        return Response.created(URI.create("/api/v1/entries/" + id + "/file-reviews")).entity(review).build();
    }
}
