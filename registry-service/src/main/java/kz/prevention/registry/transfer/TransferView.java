package kz.prevention.registry.transfer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

import kz.prevention.persistence.read.Audited;
import kz.prevention.registry.entry.EntryTransfer;

/**
 * A pending transfer as the list shows it: where from, where to, by when the file is due. The new
 * address is not here (it is the person's home; it is read with the entry, under its access rule).
 */
@Schema(name = "Transfer")
public record TransferView(UUID id, UUID entryId, String fromRegion, String toRegion, String reason,
        Instant requestedAt, LocalDate fileDueDate, String status, @JsonIgnore UUID personId)
        implements Audited {

    static TransferView of(EntryTransfer t, UUID personId) {
        return new TransferView(t.id, t.entryId, t.fromRegion, t.toRegion, t.reason, t.requestedAt, t.fileDueDate,
                t.status, personId);
    }

    @Override
    public String auditType() {
        return "transfer";
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
