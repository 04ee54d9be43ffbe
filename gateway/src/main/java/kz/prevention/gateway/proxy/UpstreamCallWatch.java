package kz.prevention.gateway.proxy;

import org.jboss.logging.Logger;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.StreamResetException;

/**
 * The failure handlers of one call to a service. vertx-http-proxy resets the call when the caller
 * goes away (and when the gateway cuts an oversized body off), but sets no exception handler on
 * it: Vert.x then logs the reset as an unhandled ERROR ("Stream reset: 0"), once for every
 * connection a load tool drops. A caller closing its connection is ordinary, so a call the gateway
 * cancelled is noted at DEBUG, without a stack trace. Any other failure is the service's: where
 * Vert.x logged it, it stays an ERROR line, and ForwardInterceptor still turns it into the
 * 502/503/504 problem answer.
 *
 * <p>All handlers run on the request's event loop (Vert.x emits the call's events on the context
 * that opened it, the request's), so the flag needs no synchronisation.
 */
final class UpstreamCallWatch {

    private static final Logger LOG = Logger.getLogger(UpstreamCallWatch.class);

    private final HttpServerRequest incoming;
    private final String service;
    private boolean noted;

    UpstreamCallWatch(HttpServerRequest incoming, String service) {
        this.incoming = incoming;
        this.service = service;
    }

    /** Takes the call as soon as it is opened, before vertx-http-proxy sends anything on it. */
    Future<HttpClientRequest> attach(HttpClientRequest call) {
        // The two streams Vert.x reports to its default handler without ours: the call while the
        // request body is still being sent, and the answer until its body is piped to the caller.
        call.exceptionHandler(this::failed);
        call.response().onSuccess(answer -> answer.exceptionHandler(this::failed));
        // A reset while the answer is awaited or streamed reaches neither handler (the request has
        // ended; the pipe owns the answer's handler), but it does fail the answer or its end.
        call.response().compose(HttpClientResponse::end).onFailure(failure -> {
            if (cancelled(failure)) {
                note();
            }
        });
        if (incoming.response().closed()) {
            // Gone while the connection was being opened, too early for vertx-http-proxy to see it:
            // nobody waits for the answer, and an upload of a body that will never come would hold
            // the connection until the response timeout (and log it as the service's failure).
            call.reset(0);
            return Future.failedFuture("the caller of " + incoming.path() + " closed its connection");
        }
        return Future.succeededFuture(call);
    }

    private void failed(Throwable failure) {
        if (cancelled(failure)) {
            note();
        } else {
            // As Vert.x logged it (the message, no stack trace): the service failing is an incident.
            LOG.errorf("%s %s: the call to %s failed: %s", incoming.method(), incoming.path(), service, failure);
        }
    }

    /**
     * A reset is always the gateway's own doing: UpstreamClient speaks HTTP/1.1, where a service can
     * fail, time out or close its connection but has no stream to reset (a timeout fails the call
     * with its own exception, not a reset).
     */
    private static boolean cancelled(Throwable failure) {
        return failure instanceof StreamResetException;
    }

    private void note() {
        if (noted) {
            return;
        }
        noted = true;
        if (incoming.response().closed()) {
            LOG.debugf("%s %s: the caller closed its connection before the answer was complete;"
                    + " the call to %s is cancelled", incoming.method(), incoming.path(), service);
        } else {
            LOG.debugf("%s %s: the request body was cut off at the size limit; the call to %s is cancelled",
                    incoming.method(), incoming.path(), service);
        }
    }
}
