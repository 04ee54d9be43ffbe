package kz.prevention.measures.decision;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The contract commission-service publishes ({@code kz.prevention.commission.decision.adopted.v1},
 * schema in the event catalog): a decision with instructions to subjects of prevention.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DecisionAdopted(UUID decisionId, UUID commissionId, String commissionKind, String region, String number,
        LocalDate adoptedOn, List<Instruction> instructions) {

    public static final String TYPE = "kz.prevention.commission.decision.adopted.v1";

    /** One instruction: for a registry entry (its person's plan) or, with no entry, a general measure. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Instruction(String instructionId, UUID entryId, String measureType, String executingAgency,
            LocalDate dueDate) {
    }
}
