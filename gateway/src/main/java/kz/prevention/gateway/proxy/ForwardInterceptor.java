package kz.prevention.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import kz.prevention.commons.problem.Problem;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.gateway.bff.CsrfGuard;

/**
 * Rewrites one request for its service (path, correlation headers, the relayed token; the web
 * app's cookies and CSRF header stay at the gateway) and turns a failed exchange into a problem
 * answer. Bodies stream through untouched in both directions.
 */
final class ForwardInterceptor implements ProxyInterceptor {

    private final Forwarding forwarding;
    private final long maxBodySize;
    private final ProblemReplies problems;
    private LimitedReadStream limited;

    ForwardInterceptor(Forwarding forwarding, long maxBodySize, ProblemReplies problems) {
        this.forwarding = forwarding;
        this.maxBodySize = maxBodySize;
        this.problems = problems;
    }

    /** Whether the gateway cut the request body off at the size limit (and so reset the call itself). */
    boolean bodyCutOff() {
        return limited != null && limited.exceeded();
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        HttpServerRequest incoming = request.proxiedRequest();
        String query = incoming.query();
        request.setURI(forwarding.route().upstreamPath() + (query == null ? "" : "?" + query));
        rewriteHeaders(request.headers(), incoming);
        Body body = request.getBody();
        if (body != null && body.length() < 0) {
            limited = new LimitedReadStream(body.stream(), maxBodySize);
            request.setBody(Body.body(limited, -1));
        }
        return context.sendRequest().recover(failure -> Future.succeededFuture(problemAnswer(request, failure)));
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        context.response().headers()
                .set(RequestCorrelation.REQUEST_ID, forwarding.correlation().requestId());
        return context.sendResponse();
    }

    private void rewriteHeaders(MultiMap headers, HttpServerRequest incoming) {
        headers.set(RequestCorrelation.REQUEST_ID, forwarding.correlation().requestId());
        if (forwarding.correlation().traceparent() != null) {
            headers.set(RequestCorrelation.TRACEPARENT, forwarding.correlation().traceparent());
        }
        headers.remove("tracestate");
        headers.set("X-Forwarded-Prefix", forwarding.fromSession() ? "/bff/api/" + forwarding.route().target().key()
                : "/api/" + forwarding.route().target().key());
        headers.set("X-Forwarded-Proto", incoming.scheme());
        if (incoming.authority() != null) {
            headers.set("X-Forwarded-Host", incoming.authority().toString());
        }
        if (incoming.remoteAddress() != null) {
            String previous = headers.get("X-Forwarded-For");
            String address = incoming.remoteAddress().hostAddress();
            headers.set("X-Forwarded-For", previous == null ? address : previous + ", " + address);
        }
        // The browser's session stays at the gateway: services see only a bearer token.
        headers.remove("Cookie");
        headers.remove(CsrfGuard.HEADER);
        if (forwarding.relayedToken() != null) {
            headers.set("Authorization", "Bearer " + forwarding.relayedToken());
        }
    }

    private ProxyResponse problemAnswer(ProxyRequest request, Throwable failure) {
        ProblemType type;
        String detail;
        String service = forwarding.route().target().service();
        if (bodyCutOff()) {
            type = ProblemType.PAYLOAD_TOO_LARGE;
            detail = "The request body exceeds " + maxBodySize + " bytes";
        } else {
            UpstreamFailure kind = UpstreamFailure.of(failure);
            type = kind.type();
            detail = kind.detail(service);
        }
        String instance = request.proxiedRequest().path();
        var buffer = problems.body(type, detail, instance);
        ProxyResponse response = request.release().response()
                .setStatusCode(type.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Cache-Control", "no-store")
                .setBody(Body.body(buffer));
        if (type == ProblemType.PAYLOAD_TOO_LARGE) {
            response.putHeader("Connection", "close");
        }
        return response;
    }
}
