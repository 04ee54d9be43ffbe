package kz.prevention.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The shared half of a test double for registry-service's narrow endpoints, which other services call
 * with a client-credentials token: Keycloak's token endpoint (the client's id and secret, the scope
 * {@code registry-service} required, as the realm has it) and the recording of what was asked, served by
 * the JDK's own HTTP server on a free port. A subclass adds the registry endpoint it stands in for and
 * the control path tests steer it with (the service runs in another class loader, so no shared statics);
 * {@code GET /control/requests} lists every request {@link #record recorded}, one line each.
 */
public abstract class RegistryDoubleBase implements QuarkusTestResourceLifecycleManager {

    public static final String URL_PROPERTY = "test.registry-double.url";
    private static final String TOKEN_PREFIX = "svc-token-";

    private final String clientId;
    private final String secret;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokens = new AtomicInteger();
    private HttpServer server;
    private ExecutorService executor;

    protected RegistryDoubleBase(String clientId, String secret) {
        this.clientId = clientId;
        this.secret = secret;
    }

    /** Adds the registry endpoint and the control path the tests use. */
    protected abstract void routes(HttpServer server);

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
        server.createContext("/control/requests", ex -> send(ex, 200, "text/plain", String.join("\n", requests)));
        routes(server);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("quarkus.rest-client.registry.url", base,
                "quarkus.oidc-client.auth-server-url", base + "/realms/prevention",
                "quarkus.oidc-client.credentials.secret", secret,
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
        boolean viaBasic = ("Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret)
                .getBytes(StandardCharsets.UTF_8))).equals(basic);
        boolean viaForm = form.contains("client_id=" + clientId) && form.contains("client_secret=" + secret);
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
        send(ex, 200, "application/json", "{\"access_token\":\"" + TOKEN_PREFIX + tokens.incrementAndGet()
                + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
    }

    /**
     * Records a request to the registry endpoint (fields joined by tabs, then its Authorization and
     * X-Purpose) and answers 401 when it carries no token this double issued; true when it may go on.
     */
    protected boolean recordAuthorized(HttpExchange ex, String... fields) throws IOException {
        String auth = String.valueOf(ex.getRequestHeaders().getFirst("Authorization"));
        requests.add(String.join("\t", fields) + "\t" + auth + "\t" + ex.getRequestHeaders().getFirst("X-Purpose"));
        if (!auth.startsWith("Bearer " + TOKEN_PREFIX)) {
            send(ex, 401, "application/problem+json", "{\"status\":401}");
            return false;
        }
        return true;
    }

    protected static void unavailable(HttpExchange ex) throws IOException {
        send(ex, 503, "application/problem+json", "{\"status\":503,\"title\":\"Temporarily unavailable\"}");
    }

    protected static String body(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** An application/x-www-form-urlencoded text (a body or a query) as a map; null is empty. */
    protected static Map<String, String> form(String encoded) {
        Map<String, String> out = new HashMap<>();
        if (encoded == null) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    protected static void send(HttpExchange ex, int status, String type, String body) throws IOException {
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
