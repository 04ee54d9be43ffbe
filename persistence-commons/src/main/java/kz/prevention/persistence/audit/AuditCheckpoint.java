package kz.prevention.persistence.audit;

import java.time.Instant;

/**
 * A signed statement, published outside the database, that the audit log of {@code service} had
 * sealed {@code position} rows and that the seal at that position had {@code mac}. Whoever can
 * rewrite the database cannot rewrite what was published, nor sign a new statement without the key.
 */
public record AuditCheckpoint(String service, long position, String mac, Instant time, String keyId, String signature) {

    String signedText() {
        return "checkpoint|" + service + "|" + position + "|" + mac + "|" + time;
    }
}
