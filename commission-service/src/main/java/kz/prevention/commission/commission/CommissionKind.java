package kz.prevention.commission.commission;

/**
 * The two kinds of commission. Minors' materials (a registered minor's case, negligent parents,
 * special schools) are examined only by the commissions on minors' affairs (Art. 79).
 */
public enum CommissionKind {
    /** Interdepartmental commission on prevention of offenses, "Law and Order" since July 2026. */
    INTERDEPARTMENTAL("INTERDEPARTMENTAL"),
    /** Commission on minors' affairs and protection of their rights (Art. 79). */
    MINORS_AFFAIRS("MINORS");

    private final String eventCode;

    CommissionKind(String eventCode) {
        this.eventCode = eventCode;
    }

    /** The code the published events carry (the decision.adopted contract's {@code commissionKind}). */
    public String eventCode() {
        return eventCode;
    }
}
