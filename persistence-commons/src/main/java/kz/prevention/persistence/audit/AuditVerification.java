package kz.prevention.persistence.audit;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The outcome of checking the audit log: every row against its MAC, the seal chain, and the latest checkpoint. */
@Schema(name = "AuditVerification")
public record AuditVerification(
        @Schema(description = "true when no problem was found") boolean valid,
        @Schema(description = "rows checked through their seals") long sealedRows,
        @Schema(description = "rows not sealed yet (normal for a few seconds after they are written)") long unsealedRows,
        @Schema(description = "the latest published checkpoint's position, null when none was found") Long checkpointPosition,
        Instant checkpointTime,
        @Schema(description = "what is wrong, first problems first (at most 100)") List<Problem> problems) {

    /** One finding: its kind, where (seal position or row id) and in words. */
    public record Problem(Kind kind, Long position, Long rowId, String detail) {
    }

    public enum Kind {
        /** A row's content does not match its MAC: it was changed. */
        ROW_ALTERED,
        /** A seal names a row that is not there: it was deleted. */
        ROW_DELETED,
        /** A seal is missing from the chain (positions skip). */
        SEAL_MISSING,
        /** A seal's MAC does not follow from the one before: the chain was changed or recomputed without the key. */
        SEAL_BROKEN,
        /** A checkpoint published outside the database names more seals than the database has: the tail was cut. */
        TRUNCATED,
        /** The seal at a checkpoint's position does not have the checkpoint's MAC. */
        CHECKPOINT_MISMATCH,
        /** A checkpoint's signature does not verify. */
        CHECKPOINT_FORGED,
        /** A row that does not verify with the key and so was never sealed: written by someone else. */
        ROW_FORGED,
        /** Rows unsealed for longer than the alarm: the sealer is not running, or cannot keep up. */
        UNSEALED
    }
}
