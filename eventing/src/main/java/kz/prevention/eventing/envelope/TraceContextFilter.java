package kz.prevention.eventing.envelope;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Takes the caller's W3C {@code traceparent} header into the request's {@link TraceContext}. */
public class TraceContextFilter {

    @Inject
    TraceContext trace;

    @ServerRequestFilter
    public void capture(ContainerRequestContext request) {
        String header = request.getHeaderString("traceparent");
        if (header != null) {
            trace.set(header.trim());
        }
    }
}
