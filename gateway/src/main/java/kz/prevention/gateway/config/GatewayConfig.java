package kz.prevention.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Everything the gateway is told: where the services answer, how long it waits for them, how
 * much each client may send. Defaults fit devstack; every value has an environment variable
 * (see the README's configuration table).
 */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /**
     * The services behind the gateway, by route key: {@code /api/<key>/v1/...} goes to
     * {@code <url>/api/v1/...}.
     */
    Map<String, Upstream> upstreams();

    Timeouts timeouts();

    @WithName("rate-limit")
    RateLimit rateLimit();

    /** Largest request body passed to a service; larger ones get 413 before reaching it. */
    @WithName("max-body-size")
    @WithDefault("10485760")
    long maxBodySize();

    /**
     * Paths under {@code /api/<key>} that need no token (ant-style {@code *} for one segment,
     * {@code **} for the rest), e.g. the event catalog, which describes contracts, not people.
     */
    @WithName("public-paths")
    @WithDefault("/v1/event-catalog,/v1/event-catalog/**")
    List<String> publicPaths();

    /** Connections kept per upstream and event loop; requests beyond wait in the client's queue. */
    @WithName("pool-size")
    @WithDefault("64")
    int poolSize();

    /** The public address of the gateway, written as the aggregated OpenAPI's server. */
    @WithName("public-url")
    @WithDefault("http://127.0.0.1:8080")
    String publicUrl();

    interface Upstream {
        /** Base URL of the service, e.g. {@code http://127.0.0.1:8081}. */
        String url();

        /** The service's name, as in its OpenAPI title and its Keycloak client (its token audience). */
        String service();
    }

    interface Timeouts {
        /** Time to open a TCP connection to a service. */
        @WithDefault("2s")
        Duration connect();

        /** Longest silence from a service while the gateway waits for (more of) its answer: 504 after it. */
        @WithDefault("30s")
        Duration response();

        /** Time allowed per upstream for health probes and OpenAPI/AsyncAPI fetches. */
        @WithDefault("3s")
        Duration probe();
    }

    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Requests a client may make in a burst. */
        @WithDefault("200")
        long capacity();

        /** Requests a client gets back per {@link #period()}, spread evenly (greedy refill). */
        @WithDefault("100")
        long refill();

        @WithDefault("1s")
        Duration period();

        /** Clients remembered at once; the least recently seen bucket is dropped first. */
        @WithName("max-clients")
        @WithDefault("100000")
        long maxClients();
    }
}
