package kz.prevention.commission.assistant;

/**
 * Where a public assistant's application stands. The akimat decides only on a finished check:
 * {@code PENDING_CHECK} waits for the registry's answer (re-checkable), {@code ELIGIBLE} may be
 * registered, {@code INELIGIBLE} can only be refused.
 */
public enum AssistantStatus {
    PENDING_CHECK, ELIGIBLE, INELIGIBLE, REGISTERED, REFUSED;

    /** Still waiting for the akimat's registration or refusal (the 7 working days run). */
    public boolean undecided() {
        return this == PENDING_CHECK || this == ELIGIBLE || this == INELIGIBLE;
    }
}
