package kz.prevention.gateway.proxy;

import java.util.function.BooleanSupplier;

import org.jboss.logging.Logger;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.StreamResetException;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * The failure handlers of one call to a service. vertx-http-proxy resets the call when the caller
 * goes away, when the gateway cuts an oversized body off, and when the service's answer breaks off
 * halfway (its connection closed), but sets no exception handler on it: Vert.x then logs the reset
 * as an unhandled ERROR ("Stream reset: 0"), once for every connection a load tool drops. A caller
 * closing its connection, or a body cut off, is the gateway's own doing and is noted at DEBUG,
 * without a stack trace. Any other failure is the service's — an answer broken off included — and is
 * one ERROR line; before an answer began, ForwardInterceptor also turns it into the 502/503/504
 * problem answer.
 *
 * <p>All handlers run on the request's event loop (Vert.x emits the call's events on the context
 * that opened it, the request's), so the flags need no synchronisation.
 */
final class UpstreamCallWatch {

    private static final Logger LOG = Logger.getLogger(UpstreamCallWatch.class);

    private final HttpServerRequest incoming;
    private final String service;
    private final BooleanSupplier bodyCutOff;
    private boolean noted;
    private boolean reported;

    UpstreamCallWatch(HttpServerRequest incoming, String service, BooleanSupplier bodyCutOff) {
        this.incoming = incoming;
        this.service = service;
        this.bodyCutOff = bodyCutOff;
    }

    /** Takes the call as soon as it is opened, before vertx-http-proxy sends anything on it. */
    Future<HttpClientRequest> attach(HttpClientRequest call) {
        // The two streams Vert.x reports to its default handler without ours: the call while the
        // request body is still being sent, and the answer until its body is piped to the caller.
        call.exceptionHandler(this::failed);
        call.response().onSuccess(answer -> answer.exceptionHandler(this::failed));
        // A reset while the answer is awaited or streamed reaches neither handler (the request has
        // ended; the pipe owns the answer's handler), but it does fail the answer or its end.
        call.response().compose(HttpClientResponse::end).onFailure(this::failed);
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
        if (failure instanceof StreamResetException && callerGone()) {
            note("the caller closed its connection before the answer was complete");
        } else if (failure instanceof StreamResetException && bodyCutOff.getAsBoolean()) {
            note("the request body was cut off at the size limit");
        } else if (!reported) {
            // As Vert.x logged it (the message, no stack trace): the service failing is an incident,
            // said once though the call, its answer and the answer's end may each report it. A reset
            // that is not the gateway's own (caller gone, body cut off) is the proxy giving up on an
            // answer the service broke off.
            reported = true;
            LOG.errorf("%s %s: the call to %s failed: %s", incoming.method(), incoming.path(), service, failure);
        }
    }

    /**
     * Whether the caller's connection is gone. A write to a caller who left fails, Netty closes the channel
     * and vertx-http-proxy resets the call at once; with the call on the request's own event loop (one
     * client per loop, UpstreamClient) the reset reaches us before Vert.x has marked the response closed,
     * so the channel itself is asked too (Vert.x's ConnectionBase: internal, stable through 4.x). A service
     * breaking its answer off is reset the same way while the caller's channel is still open.
     */
    private boolean callerGone() {
        return incoming.response().closed()
                || incoming.connection() instanceof ConnectionBase connection && !connection.channel().isActive();
    }

    /** The gateway's own cancelling of the call, said once, with why. */
    private void note(String why) {
        if (noted) {
            return;
        }
        noted = true;
        LOG.debugf("%s %s: %s; the call to %s is cancelled", incoming.method(), incoming.path(), why, service);
    }
}
