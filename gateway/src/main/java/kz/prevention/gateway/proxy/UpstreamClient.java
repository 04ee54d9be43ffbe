package kz.prevention.gateway.proxy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;

import io.vertx.core.Context;
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
 * Forwards requests to the services over pooled, keep-alive Vert.x HTTP clients on the event loop
 * (no worker threads, no buffering): one client per event loop, so a request is forwarded over a
 * connection of the event loop it arrived on. One client shared by the event loops lends the most
 * recently used free connection whatever its event loop (Vert.x 4.5's LIFO selector in
 * {@code SharedClientHttpStreamEndpoint}), and the request's writes and its answer then cross between
 * event-loop threads — an eventfd write and a wake-up each way. A bare proxy measured both ways
 * (docs/benchmarks/gateway.md, session 27): 0.29 cross-thread wake-ups per request shared, none per
 * event loop, and the proxy's CPU per request a median of 111 µs against 76. A reverse proxy object is
 * made per request — it is only a small holder of the request's interceptor; the connections are the
 * clients'.
 */
@ApplicationScoped
@Startup
public class UpstreamClient {

    private final HttpClient client;
    private final ThreadLocal<HttpClient> eventLoopClients;
    private final List<HttpClient> created = new CopyOnWriteArrayList<>();
    private final GatewayConfig config;
    private final ProblemReplies problems;

    public UpstreamClient(Vertx vertx, GatewayConfig config, ProblemReplies problems) {
        this.config = config;
        this.problems = problems;
        HttpClientOptions options = new HttpClientOptions()
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
                .setTracingPolicy(TracingPolicy.IGNORE);
        this.client = vertx.createHttpClient(options);
        created.add(client);
        // Made on the event loop's own thread at its first request, so its connections belong to that loop.
        this.eventLoopClients = ThreadLocal.withInitial(() -> {
            HttpClient own = vertx.createHttpClient(options);
            created.add(own);
            return own;
        });
    }

    public void forward(HttpServerRequest request, Forwarding forwarding) {
        UpstreamRoutes.Target target = forwarding.route().target();
        ForwardInterceptor forward = new ForwardInterceptor(forwarding, config.maxBodySize(), problems);
        UpstreamCallWatch watch = new UpstreamCallWatch(request, target.service(), forward::bodyCutOff);
        HttpClient over = Context.isOnEventLoopThread() ? eventLoopClients.get() : client;
        HttpProxy.reverseProxy(over)
                .origin(context -> open(over, target).compose(watch::attach))
                .addInterceptor(forward)
                .handle(request);
    }

    private Future<HttpClientRequest> open(HttpClient over, UpstreamRoutes.Target target) {
        return over.request(new RequestOptions()
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
        created.forEach(HttpClient::close);
    }
}
