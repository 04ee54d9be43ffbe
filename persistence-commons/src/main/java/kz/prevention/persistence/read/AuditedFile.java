package kz.prevention.persistence.read;

import java.util.UUID;

/**
 * A file answered as it is (a report's CSV, XLSX or PDF), with what its reading is audited as: the
 * read filter audits it like any other {@link Audited} view before the bytes leave, and
 * {@link AuditedFileWriter} writes the bytes unchanged, whatever the media type. A file is nobody's
 * data as a whole here, so its audit row names no person.
 *
 * @param auditDetails what the audit row says besides the request (e.g. the format, suppressed or not)
 */
public record AuditedFile(byte[] bytes, String auditType, String auditId, String auditDetails) implements Audited {

    @Override
    public UUID auditPersonId() {
        return null;
    }
}
