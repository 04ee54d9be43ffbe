package kz.prevention.persistence.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The outcome of checking the audit log's hash chain. */
@Schema(name = "AuditVerification")
public record AuditVerification(
        @Schema(description = "true when every row and the chain's head are intact") boolean valid,
        long rowsChecked,
        @Schema(description = "seq of the first row that does not match, null when valid") Long firstBrokenSeq,
        String reason) {
}
