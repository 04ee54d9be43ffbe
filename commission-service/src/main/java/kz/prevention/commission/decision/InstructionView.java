package kz.prevention.commission.decision;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Instruction")
public record InstructionView(UUID id, UUID decisionId, int position, String executingAgency, String measureType, String content,
        LocalDate dueDate, UUID entryId, InstructionStatus status, UUID measureId, LocalDate executedOn, LocalDate overdueSince) {

    public static InstructionView of(Instruction i) {
        return new InstructionView(i.id, i.decision.id, i.position, i.executingAgency, i.measureType, i.content, i.dueDate,
                i.entryId, i.status, i.measureId, i.executedOn, i.overdueSince);
    }
}
