package kz.prevention.registry.approval;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;

import kz.prevention.persistence.read.Audited;

/**
 * An approval as the work queue shows it: what is asked for (the request as sent), on which entry,
 * by whom and when, and the decision once taken. Read under the entry's access rule, and audited.
 */
@Schema(name = "Approval")
public record ApprovalView(
        UUID id,
        @Schema(description = "REMOVAL, EXTENSION or TRANSFER") String kind,
        @Schema(description = "PENDING, APPROVED, REJECTED, or CANCELLED (the entry was removed meanwhile)") String status,
        UUID entryId,
        String caseNumber,
        String category,
        @Schema(description = "KATO code of the territory keeping the entry") String region,
        @Schema(type = SchemaType.OBJECT,
                description = "the request as the officer sent it (RemovalRequest, ExtendRequest or TransferRequest)")
        JsonNode request,
        String requestedBy,
        Instant requestedAt,
        String decidedBy,
        @Schema(description = "KATO code of the unit the deciding head heads") String deciderUnit,
        Instant decidedAt,
        String decisionReason,
        @JsonIgnore UUID personId) implements Audited {

    @Override
    public String auditType() {
        return "approval";
    }

    @Override
    public String auditId() {
        return id.toString();
    }

    @Override
    public UUID auditPersonId() {
        return personId;
    }
}
