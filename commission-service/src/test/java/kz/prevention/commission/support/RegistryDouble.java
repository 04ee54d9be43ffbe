package kz.prevention.commission.support;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import kz.prevention.testing.RegistryDoubleBase;

/**
 * A test double of two OTHER systems commission-service calls over HTTP — registry-service's narrow
 * IIN check ({@code POST /api/v1/registry-checks}, the contract registry-service publishes) and
 * Keycloak's token endpoint (client credentials, scope {@code registry-service} required) — on a free
 * port. It stands in for another service, not for the database or the broker, which stay real.
 * <p>
 * Tests steer it over HTTP: {@code POST /control/answers} with {@code iin=...&mode=ON|OFF|DOWN} sets what
 * the registry answers for an IIN (default: not on the registry), and {@code GET /control/requests} lists
 * every check received as {@code iin<TAB>Authorization<TAB>X-Purpose} lines.
 */
public class RegistryDouble extends RegistryDoubleBase {

    public static final String CLIENT_ID = "commission-service";
    public static final String SECRET = "commission-service-test-secret";
    public static final String URL_PROPERTY = RegistryDoubleBase.URL_PROPERTY;
    private static final Pattern IIN = Pattern.compile("\"iin\"\\s*:\\s*\"([^\"]*)\"");

    private final Map<String, String> modes = new ConcurrentHashMap<>();

    public RegistryDouble() {
        super(CLIENT_ID, SECRET);
    }

    @Override
    protected void routes(HttpServer server) {
        server.createContext("/api/v1/registry-checks", this::check);
        server.createContext("/control/answers", this::control);
    }

    private void check(HttpExchange ex) throws IOException {
        Matcher m = IIN.matcher(body(ex));
        String iin = m.find() ? m.group(1) : "";
        if (!recordAuthorized(ex, iin)) {
            return;
        }
        switch (modes.getOrDefault(iin, "OFF")) {
            case "ON" -> send(ex, 200, "application/json", "{\"onRegistry\":true,\"groups\":[\"ADULTS\"],\"since\":\"2026-03-01\"}");
            case "DOWN" -> unavailable(ex);
            default -> send(ex, 200, "application/json", "{\"onRegistry\":false}");
        }
    }

    private void control(HttpExchange ex) throws IOException {
        Map<String, String> form = form(body(ex));
        modes.put(form.getOrDefault("iin", ""), form.getOrDefault("mode", "OFF"));
        send(ex, 204, null, "");
    }
}
