package kz.prevention.commission.decision;

/**
 * DRAFT with its decision; ISSUED when the decision is adopted and published; ASSIGNED when
 * measures-service reports the measure made of it; EXECUTED when that measure is completed;
 * CANCELLED when its decision was rejected or its measure was cancelled.
 */
public enum InstructionStatus {
    DRAFT, ISSUED, ASSIGNED, EXECUTED, CANCELLED;

    public boolean isOpen() {
        return this == ISSUED || this == ASSIGNED;
    }
}
