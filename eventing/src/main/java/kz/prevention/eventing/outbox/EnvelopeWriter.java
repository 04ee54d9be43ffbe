package kz.prevention.eventing.outbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import kz.prevention.eventing.envelope.CloudEvent;

/**
 * Composes the CloudEvents envelope of an outbox row as bytes, with the stored data written as
 * is (it was serialised and validated when the change was recorded): no JSON is parsed on the
 * way out.
 */
final class EnvelopeWriter {

    private static final JsonFactory JSON = new JsonFactory();

    private final String source;

    EnvelopeWriter(String source) {
        this.source = source;
    }

    byte[] write(PendingEvent e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(e.data().length() + 400);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("specversion", CloudEvent.SPEC_VERSION);
            g.writeStringField("id", e.id());
            g.writeStringField("source", source);
            g.writeStringField("type", e.type());
            g.writeStringField("subject", e.aggregateId());
            g.writeStringField("time", DateTimeFormatter.ISO_INSTANT.format(e.time()));
            g.writeStringField("datacontenttype", "application/json");
            g.writeNumberField("aggregateversion", e.version());
            if (e.traceparent() != null) {
                g.writeStringField("traceparent", e.traceparent());
            }
            g.writeFieldName("data");
            g.writeRawValue(e.data());
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }
}
