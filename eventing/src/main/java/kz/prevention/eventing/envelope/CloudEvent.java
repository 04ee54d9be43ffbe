package kz.prevention.eventing.envelope;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A CloudEvents 1.0 event in structured JSON mode ({@code application/cloudevents+json}), with
 * the platform's extensions {@code aggregateversion} (monotonic, gap-free per aggregate) and
 * {@code traceparent} (W3C trace context).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        Long aggregateversion,
        String traceparent,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    /**
     * The data as the consumer's own type (consumers declare only the fields they need and ignore
     * the rest). Data that does not fit throws {@link IllegalArgumentException}: the inbox retries,
     * then dead-letters the event.
     */
    public <T> T dataAs(ObjectMapper mapper, Class<T> type) {
        try {
            return mapper.treeToValue(data, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable " + this.type + " data: " + e.getOriginalMessage(), e);
        }
    }

    /** The first problem with the envelope's required attributes, or null when it is well formed. */
    public String envelopeProblem() {
        if (!SPEC_VERSION.equals(specversion)) {
            return "specversion must be 1.0";
        }
        if (id == null || id.isBlank()) {
            return "id is missing";
        }
        if (source == null || source.isBlank()) {
            return "source is missing";
        }
        if (type == null || type.isBlank()) {
            return "type is missing";
        }
        if (subject == null || subject.isBlank()) {
            return "subject (the aggregate id) is missing";
        }
        if (aggregateversion == null || aggregateversion < 1) {
            return "aggregateversion must be a positive number";
        }
        if (data == null || data.isNull()) {
            return "data is missing";
        }
        return null;
    }
}
