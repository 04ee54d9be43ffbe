package kz.prevention.persistence.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;

import org.junit.jupiter.api.Test;

/**
 * A file answer is audited as the read filter audits any view, and written as its bytes whatever the
 * media type — a JSON file too, which must not be serialised as an object holding them.
 */
class AuditedFileWriterTest {

    private final AuditedFileWriter writer = new AuditedFileWriter();
    private final AuditedFile file = new AuditedFile("{\"a\":1}".getBytes(StandardCharsets.UTF_8), "national-report",
            "2029/000000000", "export json suppressed (direct)");

    @Test
    void itIsAuditedAsTheReadItSaysAboutNoPerson() {
        Audited audited = file;
        assertThat(audited.auditType()).isEqualTo("national-report");
        assertThat(audited.auditId()).isEqualTo("2029/000000000");
        assertThat(audited.auditDetails()).isEqualTo("export json suppressed (direct)");
        assertThat(audited.auditPersonId()).isNull();
    }

    @Test
    void itsBytesAreWrittenAsTheyAreForAnyMediaTypeAndNothingElseIsWritten() throws Exception {
        for (MediaType type : new MediaType[] {MediaType.APPLICATION_JSON_TYPE, MediaType.valueOf("application/pdf"),
                MediaType.WILDCARD_TYPE}) {
            assertThat(writer.isWriteable(AuditedFile.class, AuditedFile.class, new Annotation[0], type)).isTrue();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writer.writeTo(file, AuditedFile.class, AuditedFile.class, new Annotation[0], type, new MultivaluedHashMap<>(), out);
            assertThat(out.toByteArray()).isEqualTo(file.bytes());
        }
        assertThat(writer.isWriteable(byte[].class, byte[].class, new Annotation[0], MediaType.WILDCARD_TYPE)).isFalse();
        assertThat(writer.isWriteable(Object.class, Object.class, new Annotation[0], MediaType.APPLICATION_JSON_TYPE)).isFalse();
    }
}
