package kz.prevention.measures.support;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import kz.prevention.testing.RegistryDoubleBase;

/**
 * A test double of two OTHER systems measures-service calls over HTTP — registry-service's person
 * summary ({@code GET /api/v1/person-summaries/{personId}?organisation=}, the contract registry-service
 * publishes) and Keycloak's token endpoint (client credentials, scope {@code registry-service}) — on a free
 * port, as commission-service's tests stand in for the registry's IIN check. The database and the broker
 * stay real.
 * <p>
 * Tests steer it over HTTP: {@code POST /control/persons} with
 * {@code personId=...&mode=ON|DOWN&name=...&age=...} sets what the registry answers for a person (default:
 * 404, no active entry), and {@code GET /control/requests} lists every summary asked as
 * {@code personId<TAB>organisation<TAB>Authorization<TAB>X-Purpose} lines.
 */
public class RegistryDouble extends RegistryDoubleBase {

    public static final String CLIENT_ID = "measures-service";
    public static final String SECRET = "measures-service-test-secret";
    public static final String URL_PROPERTY = RegistryDoubleBase.URL_PROPERTY;
    private static final String SUMMARIES = "/api/v1/person-summaries/";

    private final Map<String, Map<String, String>> persons = new ConcurrentHashMap<>();

    public RegistryDouble() {
        super(CLIENT_ID, SECRET);
    }

    @Override
    protected void routes(HttpServer server) {
        server.createContext(SUMMARIES, this::summary);
        server.createContext("/control/persons", this::control);
    }

    private void summary(HttpExchange ex) throws IOException {
        String personId = ex.getRequestURI().getPath().substring(SUMMARIES.length());
        String organisation = form(ex.getRequestURI().getRawQuery()).getOrDefault("organisation", "");
        if (!recordAuthorized(ex, personId, organisation)) {
            return;
        }
        Map<String, String> person = persons.getOrDefault(personId, Map.of());
        switch (person.getOrDefault("mode", "GONE")) {
            case "ON" -> send(ex, 200, "application/json", "{\"name\":\"" + person.get("name") + "\",\"age\":"
                    + person.get("age") + "}");
            case "DOWN" -> unavailable(ex);
            default -> send(ex, 404, "application/problem+json", "{\"status\":404,\"title\":\"Not found\"}");
        }
    }

    private void control(HttpExchange ex) throws IOException {
        Map<String, String> form = form(body(ex));
        persons.put(form.getOrDefault("personId", ""), form);
        send(ex, 204, null, "");
    }
}
