package kz.prevention.eventing.envelope;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * Carries OpenTelemetry's trace context across Kafka in the CloudEvents {@code traceparent}
 * extension: the outbox stamps the current span's context on an event, and a consumer's work
 * on that event runs in a span that is its child, so one trace goes from an HTTP request
 * through the outbox and Kafka into every consumer (and into their own events).
 */
@ApplicationScoped
public class Tracing {

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;

    @Inject
    public Tracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The W3C {@code traceparent} of the current span, or null when there is none. */
    public String currentTraceparent() {
        Map<String, String> carrier = new HashMap<>(2);
        W3C.inject(Context.current(), carrier, Map::put);
        return carrier.get("traceparent");
    }

    /** A consumer span for applying {@code event}, the child of the span that recorded it (if any). */
    public Span consumerSpan(String consumer, CloudEvent event) {
        Context parent = event.traceparent() == null ? Context.root()
                : W3C.extract(Context.root(), Map.of("traceparent", event.traceparent()), MAP);
        return tracer.spanBuilder(consumer + " process " + event.type())
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.message.id", event.id())
                .setAttribute("messaging.consumer.group.name", consumer)
                .setAttribute("prevention.aggregate.version", event.aggregateversion() == null ? 0 : event.aggregateversion())
                .startSpan();
    }
}
