package kz.prevention.gateway.proxy;

import java.util.regex.Pattern;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.vertx.core.http.HttpServerRequest;
import kz.prevention.commons.ids.UniqueIds;

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

    public static RequestCorrelation of(HttpServerRequest request) {
        String id = request.getHeader(REQUEST_ID);
        if (id == null || !SAFE_ID.matcher(id).matches()) {
            id = UniqueIds.random().toString(); // unique, not unguessable
        }
        SpanContext span = Span.current().getSpanContext();
        return new RequestCorrelation(id, span.isValid()
                ? "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex()
                : request.getHeader(TRACEPARENT));
    }
}
