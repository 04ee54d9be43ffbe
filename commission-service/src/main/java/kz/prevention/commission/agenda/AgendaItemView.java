package kz.prevention.commission.agenda;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

import kz.prevention.persistence.read.Audited;

/** An agenda item as the API shows it; a read is audited against the person it is about. */
@Schema(name = "AgendaItem")
public record AgendaItemView(UUID id, UUID commissionId, UUID sessionId, @Schema(example = "MINOR_CASE") String kind,
        String title, ItemStatus status, AgendaItem.Source source, UUID entryId, String region, UUID instructionId,
        String reason, @Schema(description = "the date the law says the item must be examined by, when it says one")
        java.time.LocalDate examineBy, long version, @JsonIgnore UUID personId) implements Audited {

    @Override
    public String auditType() {
        return "agenda-item";
    }

    @Override
    public String auditId() {
        return id.toString();
    }

    @Override
    public UUID auditPersonId() {
        return personId;
    }

    public static AgendaItemView of(AgendaItem i) {
        return new AgendaItemView(i.id, i.commission.id, i.session == null ? null : i.session.id, i.kind, i.title, i.status,
                i.source, i.entryId, i.region, i.instructionId, i.reason, i.examineBy, i.version, i.personId);
    }
}
