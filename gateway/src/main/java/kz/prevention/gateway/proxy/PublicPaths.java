package kz.prevention.gateway.proxy;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import kz.prevention.gateway.config.GatewayConfig;

/** Service paths that need no token (glob patterns over the path after the route key). */
@ApplicationScoped
public class PublicPaths {

    private final List<PathMatcher> matchers;

    public PublicPaths(GatewayConfig config) {
        this.matchers = config.publicPaths().stream()
                .map(p -> FileSystems.getDefault().getPathMatcher("glob:" + p)).toList();
    }

    public boolean isPublic(String servicePath) {
        if (servicePath.isEmpty()) {
            return false;
        }
        Path path = Path.of(servicePath);
        return matchers.stream().anyMatch(m -> m.matches(path));
    }
}
