package kz.prevention.eventing.envelope;

import jakarta.enterprise.context.RequestScoped;

/**
 * The trace the current unit of work belongs to: the {@code traceparent} of the HTTP request
 * or of the event being handled. Events recorded during it carry a child of it.
 */
@RequestScoped
public class TraceContext {

    private String traceparent;

    public String current() {
        return traceparent;
    }

    public void set(String value) {
        this.traceparent = TraceParent.isValid(value) ? value : null;
    }
}
