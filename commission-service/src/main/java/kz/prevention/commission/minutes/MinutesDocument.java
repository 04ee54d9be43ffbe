package kz.prevention.commission.minutes;

import java.util.UUID;

import kz.prevention.persistence.read.Audited;

/** The minutes as an answer: the PDF's bytes, audited as a read of the session's minutes like any other view. */
public record MinutesDocument(UUID sessionId, byte[] pdf, String sha256) implements Audited {

    @Override
    public String auditType() {
        return "session-minutes";
    }

    @Override
    public String auditId() {
        return sessionId.toString();
    }

    @Override
    public UUID auditPersonId() {
        return null;
    }
}
