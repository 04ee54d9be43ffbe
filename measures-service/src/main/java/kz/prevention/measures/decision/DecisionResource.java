package kz.prevention.measures.decision;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import kz.prevention.commons.access.Roles;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.prevention.measures.access.MeasuresAccess;

/** What became of a commission decision's instructions: applied (with the measure), waiting, or rejected and why. */
@Path("/api/v1/decisions/{decisionId}/instructions")
@Tag(name = "decisions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REGISTRY_OFFICER, Roles.JUVENILE_INSPECTOR, Roles.SUPERVISOR})
public class DecisionResource {

    @Inject
    MeasuresAccess access;

    @GET
    @Operation(summary = "The decision's instructions within your territory, and what was done with each")
    public List<InstructionView> instructions(@PathParam("decisionId") UUID decisionId) {
        String scope = access.regionPrefix() + "%";
        return DecisionInstruction.<DecisionInstruction>list(
                "key.decisionId = ?1 and region like ?2 order by key.instructionId", decisionId, scope).stream()
                .map(InstructionView::of).toList();
    }
}
