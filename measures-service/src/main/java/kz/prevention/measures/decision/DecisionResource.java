package kz.prevention.measures.decision;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.prevention.measures.access.MeasuresAccess;
import kz.prevention.persistence.audit.AuditAction;
import kz.prevention.persistence.audit.AuditLog;
import kz.prevention.persistence.audit.AuditRecord;

/** What became of a commission decision's instructions: applied (with the measure), waiting, or rejected and why. */
@Path("/api/v1/decisions/{decisionId}/instructions")
@Tag(name = "decisions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"registry-officer", "juvenile-inspector", "supervisor"})
public class DecisionResource {

    @Inject
    MeasuresAccess access;
    @Inject
    AuditLog audit;

    @GET
    @Operation(summary = "The decision's instructions within your territory, and what was done with each")
    public List<InstructionView> instructions(@PathParam("decisionId") UUID decisionId) {
        String scope = access.regionPrefix() + "%";
        List<InstructionView> result = DecisionInstruction.<DecisionInstruction>list(
                "key.decisionId = ?1 and region like ?2 order by key.instructionId", decisionId, scope).stream()
                .map(InstructionView::of).toList();
        audit.appendNow(new AuditRecord(AuditAction.READ, "decision-instructions", decisionId.toString(), null,
                result.size() + " instructions"));
        return result;
    }
}
