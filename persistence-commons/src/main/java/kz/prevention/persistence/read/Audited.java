package kz.prevention.persistence.read;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A view of personal data. Whatever returns one — alone, in a list or in a page — from a GET is
 * audited by {@link kz.prevention.persistence.audit.ReadAuditFilter} before the answer leaves, so no endpoint can forget it.
 */
public interface Audited {

    @JsonIgnore
    String auditType();

    @JsonIgnore
    String auditId();

    /** Whose data it is; null for a view about no one. */
    @JsonIgnore
    UUID auditPersonId();

    /**
     * What the audit row should say besides the request, e.g. the organisation on whose behalf a
     * service account read; never the data itself. Null for nothing more.
     */
    @JsonIgnore
    default String auditDetails() {
        return null;
    }
}
