package kz.prevention.persistence.audit;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kz.prevention.persistence.read.Audited;

/**
 * A row of the audit log: who (user, roles, agency, region, client) did what (action) to which
 * personal data (resource, person), when and why (the stated purpose). {@link #canonical()} is
 * what its MAC covers: every field, length-prefixed so no two rows share an input.
 */
@Schema(name = "AuditEntry")
public record AuditRow(long id, UUID uid, Instant at, String actor, String actorRoles, String agency, String region,
        String client, String action, String resourceType, String resourceId, UUID personId, String purpose,
        String details, String keyId, String rowMac) implements Audited {

    /** Reading the audit log is reading who touched a person's data: audited too. */
    @Override
    public String auditType() {
        return "audit-log";
    }

    @Override
    public String auditId() {
        return Long.toString(id);
    }

    @Override
    public UUID auditPersonId() {
        return personId;
    }

    public String canonical() {
        StringBuilder sb = new StringBuilder(256);
        for (Object field : new Object[] {uid, at.toString(), actor, actorRoles, agency, region, client, action,
                resourceType, resourceId, personId, purpose, details}) {
            String s = field == null ? "\u0000" : field.toString();
            sb.append(s.length()).append(':').append(s).append('|');
        }
        return sb.toString();
    }

    /** What the seal at {@code position} covers: the previous seal's MAC, the position, the row and its MAC. */
    static String sealInput(String previousMac, long position, long auditId, String rowMac) {
        return previousMac + "|" + position + "|" + auditId + "|" + (rowMac == null ? "legacy" : rowMac);
    }
}
