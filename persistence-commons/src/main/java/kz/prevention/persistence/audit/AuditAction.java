package kz.prevention.persistence.audit;

/** What was done to personal data. */
public enum AuditAction {
    READ,
    SEARCH,
    CREATE,
    UPDATE,
    DELETE,
    /** A state change by the system itself (scheduler, event consumer). */
    SYSTEM
}
