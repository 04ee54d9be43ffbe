package kz.prevention.gateway.proxy;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.gateway.config.GatewayConfig;
import kz.prevention.gateway.proxy.UpstreamRoutes.Resolved;

/**
 * The proxy's routes: {@code /api/<service>/**} for systems with bearer tokens and
 * {@code /bff/api/<service>/**} for the web app's session. Everything runs on the event loop;
 * the body is not read until the request is admitted, then streams to the service.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);

    private final UpstreamRoutes routes;
    private final Admission admission;
    private final UpstreamClient upstreams;
    private final ProblemReplies problems;
    private final GatewayConfig config;

    public ProxyRoutes(UpstreamRoutes routes, Admission admission, UpstreamClient upstreams, ProblemReplies problems,
            GatewayConfig config) {
        this.routes = routes;
        this.admission = admission;
        this.upstreams = upstreams;
        this.problems = problems;
        this.config = config;
    }

    void register(@Observes Router router) {
        for (String key : routes.targets().keySet()) {
            router.route(UpstreamRoutes.API + key + "/*").handler(rc -> handle(rc, false));
            router.route(UpstreamRoutes.BFF_API + key + "/*").handler(rc -> handle(rc, true));
        }
    }

    void handle(RoutingContext rc, boolean session) {
        HttpServerRequest request = rc.request();
        RequestCorrelation correlation = RequestCorrelation.of(request);
        request.response().putHeader(RequestCorrelation.REQUEST_ID, correlation.requestId());
        Optional<Resolved> route = routes.resolve(rc.normalizedPath());
        if (route.isEmpty()) {
            refuse(request, new Admission.Refused(ProblemType.NOT_FOUND, "No service answers " + request.path()), session);
            return;
        }
        if (declaredLength(request) > config.maxBodySize()) {
            refuse(request, new Admission.Refused(ProblemType.PAYLOAD_TOO_LARGE,
                    "The request body exceeds " + config.maxBodySize() + " bytes"), session);
            return;
        }
        Context context = Vertx.currentContext();
        admission.admit(rc, route.get(), correlation, session).subscribe().with(
                forwarding -> onContext(context, () -> upstreams.forward(request, forwarding)),
                failure -> onContext(context, () -> refuse(request, failure, session)));
    }

    private void refuse(HttpServerRequest request, Throwable failure, boolean session) {
        Admission.Refused refused = failure instanceof Admission.Refused r ? r
                : new Admission.Refused(ProblemType.UNAVAILABLE, "The gateway could not admit the request; retry");
        if (!(failure instanceof Admission.Refused)) {
            LOG.warnf(failure, "admission failed for %s %s", request.method(), request.path());
        }
        HttpServerResponse response = request.response();
        if (response.headWritten() || response.closed()) {
            // The client went away or an answer already left (e.g. a body cut off at the size
            // limit): there is nobody to tell, and writing headers now would only throw.
            LOG.debugf("no answer sent for %s %s: %s", request.method(), request.path(), refused.getMessage());
            return;
        }
        if (refused.type() == ProblemType.UNAUTHORIZED && !session) {
            response.putHeader("WWW-Authenticate", "Bearer realm=\"prevention\"");
        }
        if (refused.type() == ProblemType.TOO_MANY_REQUESTS) {
            response.putHeader("Retry-After", Long.toString(refused.retryAfterSeconds()));
        }
        if (!request.isEnded()) {
            // The unread body is not worth reading: close the connection after the answer instead.
            response.putHeader("Connection", "close");
        }
        problems.send(response, refused.type(), refused.getMessage(), request.path());
    }

    private static long declaredLength(HttpServerRequest request) {
        String header = request.getHeader("Content-Length");
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void onContext(Context context, Runnable action) {
        if (context == null || Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }
}
