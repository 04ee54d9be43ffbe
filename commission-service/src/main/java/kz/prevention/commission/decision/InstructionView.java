package kz.prevention.commission.decision;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

import kz.prevention.persistence.read.Audited;

/** An instruction and where its execution stands; listed alone, each read is audited against the person concerned. */
@Schema(name = "Instruction")
public record InstructionView(UUID id, UUID decisionId, String decisionNumber, int position, String executingAgency,
        String measureType, String content, LocalDate dueDate, UUID entryId, InstructionStatus status, boolean overdue,
        UUID measureId, LocalDate executedOn, LocalDate overdueSince, @JsonIgnore UUID personId) implements Audited {

    @Override
    public String auditType() {
        return "instruction";
    }

    @Override
    public String auditId() {
        return id.toString();
    }

    @Override
    public UUID auditPersonId() {
        return personId;
    }

    public static InstructionView of(Instruction i, LocalDate today) {
        return new InstructionView(i.id, i.decision.id, i.decision.number, i.position, i.executingAgency, i.measureType,
                i.content, i.dueDate, i.entryId, i.status, i.status.isOpen() && i.dueDate.isBefore(today), i.measureId,
                i.executedOn, i.overdueSince, i.decision.item.personId);
    }
}
