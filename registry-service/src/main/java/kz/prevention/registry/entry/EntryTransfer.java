package kz.prevention.registry.entry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Moving an entry's file to another territory's body after the person's change of address (Order 163). */
@Entity
@Table(name = "entry_transfer")
public class EntryTransfer extends PanacheEntityBase {

    public enum Status { PENDING, ACCEPTED, REJECTED }

    @Id
    public UUID id;

    @Column(name = "entry_id")
    public UUID entryId;

    @Column(name = "from_region")
    public String fromRegion;

    @Column(name = "to_region")
    public String toRegion;

    public String reason;

    @Column(name = "new_address")
    public String newAddress;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "file_due_date")
    public LocalDate fileDueDate;

    public String status;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decision_reason")
    public String decisionReason;

    public static Optional<EntryTransfer> pendingFor(UUID entryId) {
        return find("entryId = ?1 and status = ?2", entryId, Status.PENDING.name()).firstResultOptional();
    }

    /** The pending transfers of many entries, by entry, in one query (a page of search results). */
    public static Map<UUID, EntryTransfer> pendingFor(Collection<UUID> entryIds) {
        if (entryIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, EntryTransfer> byEntry = new HashMap<>();
        EntryTransfer.<EntryTransfer>list("entryId in ?1 and status = ?2", entryIds, Status.PENDING.name())
                .forEach(t -> byEntry.putIfAbsent(t.entryId, t));
        return byEntry;
    }
}
