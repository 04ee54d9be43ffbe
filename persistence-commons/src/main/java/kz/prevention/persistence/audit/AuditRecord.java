package kz.prevention.persistence.audit;

import java.util.UUID;

/**
 * One access to personal data, as the caller's code describes it; who did it (user, roles,
 * agency, region, client, stated purpose) is taken from the request by {@link AuditLog}.
 *
 * @param details free text such as the search criteria or the fields changed, never the data itself
 */
public record AuditRecord(AuditAction action, String resourceType, String resourceId, UUID personId, String details) {

    public static AuditRecord of(AuditAction action, String resourceType, Object resourceId, UUID personId) {
        return new AuditRecord(action, resourceType, resourceId == null ? null : resourceId.toString(), personId, null);
    }

    public AuditRecord withDetails(String text) {
        return new AuditRecord(action, resourceType, resourceId, personId, text);
    }
}
