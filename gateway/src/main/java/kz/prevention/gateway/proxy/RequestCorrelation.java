package kz.prevention.gateway.proxy;

import java.util.UUID;
import java.util.regex.Pattern;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.vertx.core.http.HttpServerRequest;

/**
 * The request id and W3C trace context the gateway stamps on every request it forwards and
 * every answer it gives. A caller's own {@code X-Request-Id} is kept when it is short and
 * plain. The trace context is the gateway's own span for the request — OpenTelemetry's server
 * span, which continues a valid incoming {@code traceparent} (same trace, new span id: the gateway
 * is a hop) or starts a new trace — so the services' spans hang under the gateway's in one trace.
 * Should tracing be switched off, the caller's {@code traceparent} passes through unchanged.
 */
public record RequestCorrelation(String requestId, String traceparent) {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String TRACEPARENT = "traceparent";

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /**
     * A version-4 UUID from the thread's generator: a request id must be unique, not unguessable, and
     * UUID.randomUUID() takes the JDK's shared SecureRandom on every request.
     */
    static String randomId() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        long high = (r.nextLong() & ~0xF000L) | 0x4000L;
        long low = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    public static RequestCorrelation of(HttpServerRequest request) {
        String id = request.getHeader(REQUEST_ID);
        if (id == null || !SAFE_ID.matcher(id).matches()) {
            id = randomId();
        }
        SpanContext span = Span.current().getSpanContext();
        return new RequestCorrelation(id, span.isValid()
                ? "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex()
                : request.getHeader(TRACEPARENT));
    }
}
