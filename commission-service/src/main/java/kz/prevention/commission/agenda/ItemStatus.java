package kz.prevention.commission.agenda;

/**
 * PROPOSED (by an event or the secretary) → ACCEPTED into a session, DEFERRED (may be accepted
 * later) or DISMISSED (final, with the reason); an accepted item is DECIDED when the minutes are signed.
 */
public enum ItemStatus {
    PROPOSED, ACCEPTED, DEFERRED, DISMISSED, DECIDED;

    public boolean awaitsTheSecretary() {
        return this == PROPOSED || this == DEFERRED;
    }
}
