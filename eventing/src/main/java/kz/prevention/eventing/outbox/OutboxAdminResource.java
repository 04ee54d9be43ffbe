package kz.prevention.eventing.outbox;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.prevention.commons.access.Roles;
import kz.prevention.commons.problem.ProblemException;

/** The outbox for the platform's operators: backlog and the aggregates the relay parked. */
@Path("/api/v1/admin/outbox")
@Tag(name = "operations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class OutboxAdminResource {

    @Inject
    ParkedAggregates parked;
    @Inject
    OutboxMetrics metrics;
    @Inject
    OutboxRelay relay;

    public record OutboxState(long backlog, boolean leaderHere, List<ParkedAggregates.Parked> parked) {
    }

    @GET
    @Operation(summary = "Events waiting to be published, and aggregates held because an event of theirs never can be")
    public OutboxState state() {
        return new OutboxState(metrics.backlog(), relay.isLeader(), parked.list());
    }

    @POST
    @Path("/parked/{aggregateType}/{aggregateId}/retry")
    @Operation(summary = "Publish a parked aggregate's events again (after fixing what held it)")
    public Map<String, Object> retry(@PathParam("aggregateType") String aggregateType,
            @PathParam("aggregateId") String aggregateId) {
        if (!parked.retry(aggregateType, aggregateId)) {
            throw ProblemException.notFound("parked aggregate " + aggregateType + "/" + aggregateId);
        }
        return Map.of("aggregateType", aggregateType, "aggregateId", aggregateId, "retrying", true);
    }
}
