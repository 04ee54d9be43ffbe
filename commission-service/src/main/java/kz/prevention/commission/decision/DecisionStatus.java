package kz.prevention.commission.decision;

/** DRAFT while the sitting goes on; ADOPTED or REJECTED (by the votes) when the chair signs the minutes — then final. */
public enum DecisionStatus {
    DRAFT, ADOPTED, REJECTED
}
