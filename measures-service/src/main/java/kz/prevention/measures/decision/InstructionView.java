package kz.prevention.measures.decision;

import kz.prevention.persistence.read.Audited;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DecisionInstruction")
public record InstructionView(UUID decisionId, String instructionId, String decisionNumber, String commissionKind,
        String region, UUID entryId, String measureType, String executingAgency, LocalDate dueDate,
        InstructionStatus status, String reason, UUID measureId) implements Audited {

    @Override
    public String auditType() {
        return "decision-instruction";
    }

    @Override
    public String auditId() {
        return decisionId + "/" + instructionId;
    }

    @Override
    public UUID auditPersonId() {
        return null;
    }

    public static InstructionView of(DecisionInstruction i) {
        return new InstructionView(i.key.decisionId(), i.key.instructionId(), i.decisionNumber, i.commissionKind,
                i.region, i.entryId, i.measureType, i.executingAgency, i.dueDate, i.status, i.reason, i.measureId);
    }
}
