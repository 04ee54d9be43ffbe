package kz.prevention.measures.assignment;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;

import kz.prevention.commons.access.Roles;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.prevention.commons.paging.Page;
import kz.prevention.commons.paging.PageRequest;
import kz.prevention.commons.territory.Today;
import kz.prevention.measures.access.MeasuresAccess;
import kz.prevention.measures.measure.MeasureStatus;
import kz.prevention.measures.measure.MeasureView;
import kz.prevention.measures.measure.MeasureViews;

/** The workqueue of the caller's organisation: what it must do, and by when. */
@Path("/api/v1/assignments")
@Tag(name = "assignments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MEASURES_EXECUTOR)
public class AssignmentResource {

    @Inject
    AssignmentQueue queue;
    @Inject
    MeasureViews views;
    @Inject
    MeasuresAccess access;
    @Inject
    Today today;

    @GET
    @Operation(summary = "Measures assigned to your organisation in your territory, soonest due first",
            description = "The organisation is the token's 'organisation' claim (a BIN), of its 'agency' (a subject of"
                    + " prevention); the territory its 'region'. 403 without an organisation claim.")
    public Page<MeasureView> list(@QueryParam("status") MeasureStatus status,
            @Parameter(description = "due on or after (yyyy-mm-dd)") @QueryParam("dueFrom") LocalDate dueFrom,
            @Parameter(description = "due on or before (yyyy-mm-dd)") @QueryParam("dueTo") LocalDate dueTo,
            @Parameter(description = "true: unfinished past their due date; false: the others") @QueryParam("overdue") Boolean overdue,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        LocalDate day = today.date();
        String agency = access.agency();
        String organisation = access.organisation();
        AssignmentQueue.Criteria criteria = new AssignmentQueue.Criteria(status, dueFrom, dueTo, overdue);
        return queue.of(agency, organisation, access.regionPrefix(), access.organisationPrefix(), criteria,
                PageRequest.of(page, size), day)
                .map(m -> views.of(m, day));
    }
}
