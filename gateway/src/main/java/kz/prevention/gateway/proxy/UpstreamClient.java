package kz.prevention.gateway.proxy;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.httpproxy.HttpProxy;
import kz.prevention.gateway.config.GatewayConfig;

/**
 * Forwards requests to the services over one pooled, keep-alive Vert.x HTTP client on the
 * event loop (no worker threads, no buffering). A reverse proxy object is made per request —
 * it is only a small holder of the request's interceptor; the connections are the client's.
 */
@ApplicationScoped
@Startup
public class UpstreamClient {

    private final HttpClient client;
    private final GatewayConfig config;
    private final ProblemReplies problems;

    public UpstreamClient(Vertx vertx, GatewayConfig config, ProblemReplies problems) {
        this.config = config;
        this.problems = problems;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setMaxPoolSize(config.poolSize())
                .setKeepAlive(true)
                .setKeepAliveTimeout(60)
                .setPipelining(false)
                .setDecompressionSupported(false)
                .setConnectTimeout((int) config.timeouts().connect().toMillis())
                .setName("gateway-upstreams")
                // No client span: the request's server span is the gateway's hop in the trace, and
                // RequestCorrelation forwards its context (OpenTelemetry was 11 % of the gateway's CPU
                // with two spans per request: docs/benchmarks/gateway.md).
                .setTracingPolicy(TracingPolicy.IGNORE));
    }

    public void forward(HttpServerRequest request, Forwarding forwarding) {
        UpstreamRoutes.Target target = forwarding.route().target();
        ForwardInterceptor forward = new ForwardInterceptor(forwarding, config.maxBodySize(), problems);
        UpstreamCallWatch watch = new UpstreamCallWatch(request, target.service(), forward::bodyCutOff);
        HttpProxy.reverseProxy(client)
                .origin(context -> open(target).compose(watch::attach))
                .addInterceptor(forward)
                .handle(request);
    }

    private Future<HttpClientRequest> open(UpstreamRoutes.Target target) {
        return client.request(new RequestOptions()
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.tls())
                .setIdleTimeout(config.timeouts().response().toMillis()));
    }

    /** The shared client, for the gateway's own calls to services (health, OpenAPI). */
    public HttpClient client() {
        return client;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
