package kz.prevention.persistence.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/** A row of the audit log, and the hash that chains it to the previous one. */
public record AuditEntry(long seq, Instant at, String actor, String actorRoles, String agency, String region, String client,
        String action, String resourceType, String resourceId, UUID personId, String purpose, String details,
        String prevHash, String hash) {

    /**
     * SHA-256 over every field and the previous hash, each length-prefixed so that no two
     * different rows can produce the same input.
     */
    public static String hash(long seq, Instant at, String actor, String actorRoles, String agency, String region,
            String client, String action, String resourceType, String resourceId, UUID personId, String purpose,
            String details, String prevHash) {
        StringBuilder sb = new StringBuilder();
        for (Object field : new Object[] {seq, at.toString(), actor, actorRoles, agency, region, client, action,
                resourceType, resourceId, personId, purpose, details, prevHash}) {
            String s = field == null ? "\u0000" : field.toString();
            sb.append(s.length()).append(':').append(s).append('|');
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String recomputedHash() {
        return hash(seq, at, actor, actorRoles, agency, region, client, action, resourceType, resourceId, personId, purpose,
                details, prevHash);
    }
}
