package kz.prevention.eventing.contract;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import kz.prevention.eventing.catalog.DomainEvent;

/** The data of commission-service's events, each bound to its catalog entry. */
public final class CommissionEvents {

    private CommissionEvents() {
    }

    /**
     * A commission adopted a decision; each instruction to an agency becomes a measure in
     * measures-service (an instruction with an entry goes into that person's plan).
     */
    public record DecisionAdopted(UUID decisionId, UUID commissionId, String commissionKind, String region,
            String number, LocalDate adoptedOn, List<Instruction> instructions) implements DomainEvent {
        @Override
        public String aggregateId() {
            return decisionId.toString();
        }
    }

    /** One instruction: for a registry entry (its person's plan) or, with no entry, a general measure. */
    public record Instruction(String instructionId, UUID entryId, String measureType, String executingAgency,
            LocalDate dueDate) {
    }
}
