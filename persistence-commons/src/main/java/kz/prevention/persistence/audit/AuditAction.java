package kz.prevention.persistence.audit;

/** What was done to personal data. */
public enum AuditAction {
    READ,
    SEARCH,
    CREATE,
    UPDATE,
    DELETE,
    /** A state change by the system itself (scheduler, event consumer). */
    SYSTEM,
    /** An attempt refused (403, or a 404 answered for a record that exists but is not the caller's to see). */
    DENIED
}
