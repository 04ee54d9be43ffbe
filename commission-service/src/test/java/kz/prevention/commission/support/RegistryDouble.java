package kz.prevention.commission.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A test double of two OTHER systems commission-service calls over HTTP — registry-service's narrow
 * IIN check ({@code POST /api/v1/registry-checks}, the contract registry-service publishes) and
 * Keycloak's token endpoint (client credentials, scope {@code registry-service} required) — served by
 * the JDK's own HTTP server on a free port. It stands in for another service, not for the database or the broker, which stay real.
 * <p>
 * Tests steer it over HTTP (the service runs in another class loader, so no shared statics):
 * {@code POST /control/answers} with {@code iin=...&mode=ON|OFF|DOWN} sets what the registry
 * answers for an IIN (default: not on the registry), and {@code GET /control/requests} lists every
 * check received as {@code iin<TAB>Authorization<TAB>X-Purpose} lines.
 */
public class RegistryDouble implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT_ID = "commission-service";
    public static final String SECRET = "commission-service-test-secret";
    public static final String URL_PROPERTY = "test.registry-double.url";
    private static final Pattern IIN = Pattern.compile("\"iin\"\\s*:\\s*\"([^\"]*)\"");

    private HttpServer server;
    private ExecutorService executor;
    private final Map<String, String> modes = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokens = new AtomicInteger();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the registry double", e);
        }
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/realms/prevention/protocol/openid-connect/token", this::token);
        server.createContext("/api/v1/registry-checks", this::check);
        server.createContext("/control/answers", this::control);
        server.createContext("/control/requests", ex -> send(ex, 200, "text/plain", String.join("\n", requests)));
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("quarkus.rest-client.registry.url", base,
                "quarkus.oidc-client.auth-server-url", base + "/realms/prevention",
                "quarkus.oidc-client.credentials.secret", SECRET,
                URL_PROPERTY, base);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    /** Keycloak's client-credentials grant: the client's id and secret (HTTP Basic or form), a bearer token back. */
    private void token(HttpExchange ex) throws IOException {
        String form = body(ex);
        String basic = ex.getRequestHeaders().getFirst("Authorization");
        boolean viaBasic = ("Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + SECRET)
                .getBytes(StandardCharsets.UTF_8))).equals(basic);
        boolean viaForm = form.contains("client_id=" + CLIENT_ID) && form.contains("client_secret=" + SECRET);
        if (!form.contains("grant_type=client_credentials") || !(viaBasic || viaForm)) {
            send(ex, 401, "application/json", "{\"error\":\"invalid_client\"}");
            return;
        }
        // As the realm: the token is for registry-service only when the client asks for its scope, and the
        // registry refuses a token without its audience.
        if (!form.matches("(^|.*&)scope=registry-service(&.*|$)")) {
            send(ex, 400, "application/json", "{\"error\":\"invalid_scope\"}");
            return;
        }
        send(ex, 200, "application/json", "{\"access_token\":\"svc-token-" + tokens.incrementAndGet()
                + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
    }

    private void check(HttpExchange ex) throws IOException {
        Matcher m = IIN.matcher(body(ex));
        String iin = m.find() ? m.group(1) : "";
        String auth = String.valueOf(ex.getRequestHeaders().getFirst("Authorization"));
        requests.add(iin + "\t" + auth + "\t" + ex.getRequestHeaders().getFirst("X-Purpose"));
        if (!auth.startsWith("Bearer svc-token-")) {
            send(ex, 401, "application/problem+json", "{\"status\":401}");
            return;
        }
        switch (modes.getOrDefault(iin, "OFF")) {
            case "ON" -> send(ex, 200, "application/json", "{\"onRegistry\":true,\"groups\":[\"ADULTS\"],\"since\":\"2026-03-01\"}");
            case "DOWN" -> send(ex, 503, "application/problem+json", "{\"status\":503,\"title\":\"Temporarily unavailable\"}");
            default -> send(ex, 200, "application/json", "{\"onRegistry\":false}");
        }
    }

    private void control(HttpExchange ex) throws IOException {
        Map<String, String> form = new ConcurrentHashMap<>();
        for (String pair : body(ex).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        modes.put(form.getOrDefault("iin", ""), form.getOrDefault("mode", "OFF"));
        send(ex, 204, null, "");
    }

    private static String body(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (type != null) {
            ex.getResponseHeaders().set("Content-Type", type);
        }
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }
}
