package kz.prevention.bench.proxy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * The ceiling of the gateway's figures: {@code /api/registry/v1/...} forwarded to the registry's
 * {@code /api/v1/...} by Vert.x's reverse proxy over clients set up as the gateway's
 * ({@code UpstreamClient}: same options, one client per event loop), with the path rewrite as the only
 * work of its own. The caller's Authorization header passes through untouched; the registry checks the token.
 */
@ApplicationScoped
public class BareProxyRoute {

    private static final String PREFIX = "/api/registry";

    void register(@Observes Router router, Vertx vertx,
            @ConfigProperty(name = "bare-proxy.upstream.host") String host,
            @ConfigProperty(name = "bare-proxy.upstream.port") int port) {
        HttpClientOptions options = new HttpClientOptions()
                .setMaxPoolSize(64)
                .setKeepAlive(true)
                .setKeepAliveTimeout(60)
                .setPipelining(false)
                .setDecompressionSupported(false)
                .setTracingPolicy(TracingPolicy.IGNORE);
        // One client per event loop, as the gateway has (UpstreamClient): a request leaves over a connection
        // of the event loop it arrived on.
        ThreadLocal<HttpClient> clients = ThreadLocal.withInitial(() -> vertx.createHttpClient(options));
        ProxyInterceptor rewrite = new ProxyInterceptor() {
            @Override
            public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
                // /api/registry/v1/... -> /api/v1/..., as the gateway's route does
                context.request().setURI("/api" + context.request().getURI().substring(PREFIX.length()));
                return context.sendRequest();
            }
        };
        // A proxy object per request, as the gateway makes one (its interceptor holds the request's state).
        router.route(PREFIX + "/*").handler(rc -> HttpProxy.reverseProxy(clients.get())
                .origin(port, host)
                .addInterceptor(rewrite)
                .handle(rc.request()));
    }
}
