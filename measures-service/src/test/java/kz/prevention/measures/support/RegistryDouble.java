package kz.prevention.measures.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A test double of two OTHER systems measures-service calls over HTTP — registry-service's person
 * summary ({@code GET /api/v1/person-summaries/{personId}?organisation=}, the contract registry-service
 * publishes) and Keycloak's token endpoint (client credentials) — served by the JDK's own HTTP server
 * on a free port, as commission-service's tests stand in for the registry's IIN check. The database
 * and the broker stay real.
 * <p>
 * Tests steer it over HTTP (the service runs in another class loader, so no shared statics):
 * {@code POST /control/persons} with {@code personId=...&mode=ON|DOWN&name=...&age=...} sets what the
 * registry answers for a person (default: 404, no active entry), and {@code GET /control/requests}
 * lists every summary asked as {@code personId<TAB>organisation<TAB>Authorization<TAB>X-Purpose} lines.
 */
public class RegistryDouble implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT_ID = "measures-service";
    public static final String SECRET = "measures-service-test-secret";
    public static final String URL_PROPERTY = "test.registry-double.url";
    private static final String SUMMARIES = "/api/v1/person-summaries/";

    private HttpServer server;
    private ExecutorService executor;
    private final Map<String, Map<String, String>> persons = new ConcurrentHashMap<>();
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
        server.createContext(SUMMARIES, this::summary);
        server.createContext("/control/persons", this::control);
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
        send(ex, 200, "application/json", "{\"access_token\":\"svc-token-" + tokens.incrementAndGet()
                + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
    }

    private void summary(HttpExchange ex) throws IOException {
        String personId = ex.getRequestURI().getPath().substring(SUMMARIES.length());
        String organisation = form(ex.getRequestURI().getRawQuery()).getOrDefault("organisation", "");
        String auth = String.valueOf(ex.getRequestHeaders().getFirst("Authorization"));
        requests.add(personId + "\t" + organisation + "\t" + auth + "\t" + ex.getRequestHeaders().getFirst("X-Purpose"));
        if (!auth.startsWith("Bearer svc-token-")) {
            send(ex, 401, "application/problem+json", "{\"status\":401}");
            return;
        }
        Map<String, String> person = persons.getOrDefault(personId, Map.of());
        switch (person.getOrDefault("mode", "GONE")) {
            case "ON" -> send(ex, 200, "application/json", "{\"name\":\"" + person.get("name") + "\",\"age\":"
                    + person.get("age") + "}");
            case "DOWN" -> send(ex, 503, "application/problem+json", "{\"status\":503,\"title\":\"Temporarily unavailable\"}");
            default -> send(ex, 404, "application/problem+json", "{\"status\":404,\"title\":\"Not found\"}");
        }
    }

    private void control(HttpExchange ex) throws IOException {
        Map<String, String> form = form(body(ex));
        persons.put(form.getOrDefault("personId", ""), form);
        send(ex, 204, null, "");
    }

    private static Map<String, String> form(String encoded) {
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
