package kz.prevention.registry.approval;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A removal, extension or transfer of an entry asked for by an officer, waiting for (or decided
 * by) an authorised head of the keeping body. The request is kept as it was sent (JSON), and
 * applied through the entry's own code path when approved.
 */
@Entity
@Table(name = "entry_approval")
public class EntryApproval extends PanacheEntityBase {

    public enum Kind {
        REMOVAL, EXTENSION, TRANSFER
    }

    public enum Status {
        PENDING, APPROVED, REJECTED,
        /** The entry was removed by another approved request before this one was decided. */
        CANCELLED
    }

    @Id
    public UUID id;

    @Column(name = "entry_id")
    public UUID entryId;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** The request body as sent (RemovalRequest, ExtendRequest or TransferRequest). */
    public String request;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decider_unit")
    public String deciderUnit;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Version
    public long version;

    public boolean isPending() {
        return status == Status.PENDING;
    }

    public static Optional<EntryApproval> pending(UUID entryId, Kind kind) {
        return find("entryId = ?1 and kind = ?2 and status = ?3", entryId, kind, Status.PENDING).firstResultOptional();
    }

    public static List<EntryApproval> pendingFor(UUID entryId) {
        return list("entryId = ?1 and status = ?2", entryId, Status.PENDING);
    }
}
