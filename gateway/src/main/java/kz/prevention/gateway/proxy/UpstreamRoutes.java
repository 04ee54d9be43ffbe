package kz.prevention.gateway.proxy;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import kz.prevention.gateway.config.GatewayConfig;

/**
 * Maps a gateway path to a service: {@code /api/registry/v1/entries} (or, for the web app,
 * {@code /bff/api/registry/v1/entries}) goes to registry-service's {@code /api/v1/entries}.
 */
@ApplicationScoped
public class UpstreamRoutes {

    public static final String API = "/api/";
    public static final String BFF_API = "/bff/api/";

    private final Map<String, Target> targets = new TreeMap<>();

    public UpstreamRoutes(GatewayConfig config) {
        config.upstreams().forEach((key, upstream) -> targets.put(key, Target.of(key, upstream)));
    }

    public Map<String, Target> targets() {
        return targets;
    }

    /**
     * The service and its path for a normalised gateway path ({@code ..} already resolved), or
     * empty when no route matches.
     */
    public Optional<Resolved> resolve(String normalizedPath) {
        String rest;
        if (normalizedPath.startsWith(BFF_API)) {
            rest = normalizedPath.substring(BFF_API.length());
        } else if (normalizedPath.startsWith(API)) {
            rest = normalizedPath.substring(API.length());
        } else {
            return Optional.empty();
        }
        int slash = rest.indexOf('/');
        String key = slash < 0 ? rest : rest.substring(0, slash);
        Target target = targets.get(key);
        if (target == null) {
            return Optional.empty();
        }
        String servicePath = slash < 0 ? "" : rest.substring(slash);
        return Optional.of(new Resolved(target, servicePath, "/api" + servicePath));
    }

    /** One service behind the gateway. */
    public record Target(String key, String service, URI base) {

        static Target of(String key, GatewayConfig.Upstream upstream) {
            URI uri = URI.create(upstream.url());
            if (uri.getHost() == null || uri.getScheme() == null) {
                throw new IllegalArgumentException("gateway.upstreams." + key + ".url=" + upstream.url()
                        + " is not an absolute http(s) URL; set it like http://127.0.0.1:8081");
            }
            return new Target(key, upstream.service(), uri);
        }

        public boolean tls() {
            return "https".equalsIgnoreCase(base.getScheme());
        }

        public int port() {
            return base.getPort() > 0 ? base.getPort() : tls() ? 443 : 80;
        }

        public String host() {
            return base.getHost();
        }
    }

    /**
     * A matched route: {@code servicePath} is the part after the route key ({@code /v1/entries}),
     * {@code upstreamPath} what the service is asked for ({@code /api/v1/entries}).
     */
    public record Resolved(Target target, String servicePath, String upstreamPath) {
    }
}
