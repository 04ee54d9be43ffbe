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

    /** An instruction was executed: the measure made of it was completed (on time or late). */
    public record InstructionExecuted(UUID decisionId, String instructionId, UUID commissionId, String region, UUID measureId,
            String executingAgency, LocalDate dueDate, LocalDate executedOn, boolean onTime) implements DomainEvent {
        @Override
        public String aggregateId() {
            return decisionId.toString();
        }
    }

    /** An instruction passed its deadline unexecuted (measureId null when no measure was reported for it). */
    public record InstructionOverdue(UUID decisionId, String instructionId, UUID commissionId, String region, UUID measureId,
            String executingAgency, LocalDate dueDate, LocalDate detectedOn, int daysOverdue) implements DomainEvent {
        @Override
        public String aggregateId() {
            return decisionId.toString();
        }
    }

    /** A session was scheduled. */
    public record SessionScheduled(UUID sessionId, UUID commissionId, String commissionKind, String region, int number,
            LocalDate date) implements DomainEvent {
        @Override
        public String aggregateId() {
            return sessionId.toString();
        }
    }

    /** A session was held: its minutes were signed off by the chair. Counts only, no names. */
    public record SessionHeld(UUID sessionId, UUID commissionId, String commissionKind, String region, int number,
            LocalDate heldOn, int members, int present, int decisionsAdopted) implements DomainEvent {
        @Override
        public String aggregateId() {
            return sessionId.toString();
        }
    }

    /**
     * The district akimat registered a public assistant (Art. 46). Ids, the district and dates only:
     * no names, IIN or birth date. {@code deadlineRule} names the dated rule the due date came from.
     */
    public record PublicAssistantRegistered(UUID assistantId, String district, LocalDate appliedOn,
            LocalDate registrationDue, LocalDate registeredOn, boolean onTime, String deadlineRule) implements DomainEvent {
        @Override
        public String aggregateId() {
            return assistantId.toString();
        }
    }

    /** The akimat's commission adopted a reward (Art. 47), granted within the maslikhat's budget of the year; tenge. */
    public record PublicAssistantRewarded(UUID rewardId, UUID assistantId, UUID commissionId, UUID decisionId, String district,
            int budgetYear, long amount, LocalDate grantedOn) implements DomainEvent {
        @Override
        public String aggregateId() {
            return assistantId.toString();
        }
    }
}
