package kz.prevention.devstack.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The realm file fits Keycloak's database: its import fails the whole start ("value too long for
 * type character varying(255)") when a client's, role's or user's text is longer than the column.
 * Only component configurations (the user profile) are stored as unbounded text.
 */
class RealmFileTest {

    private static final int KEYCLOAK_VARCHAR = 255;

    @Test
    void everyTextOutsideComponentConfigurationsFitsKeycloaksColumns() throws Exception {
        Path realm = realm();
        JsonNode root = new ObjectMapper().readTree(realm.toFile());
        List<String> tooLong = new ArrayList<>();
        walk(root, "", tooLong);
        assertEquals(List.of(), tooLong, "texts longer than " + KEYCLOAK_VARCHAR + " characters in " + realm);
    }

    @Test
    void accessTokensLiveFiveMinutesAtMost() throws Exception {
        // A stolen bearer token is worth little for long; the web app's session refreshes its tokens.
        JsonNode root = new ObjectMapper().readTree(realm().toFile());
        org.junit.jupiter.api.Assertions.assertTrue(root.path("accessTokenLifespan").asInt(Integer.MAX_VALUE) <= 300,
                "accessTokenLifespan is " + root.path("accessTokenLifespan") + " s; at most 300");
    }

    @Test
    void noClientGetsAServiceAudienceUnlessItAsksForThatServicesScope() throws Exception {
        // Least privilege (issue 10): a token carries a service's audience only when its client asked for
        // that service's scope, so a token for one service is refused by the others.
        JsonNode root = new ObjectMapper().readTree(realm().toFile());
        Map<String, List<String>> audiencesOfScope = new java.util.HashMap<>();
        root.path("clientScopes").forEach(s -> audiencesOfScope.put(s.path("name").asText(), audiences(s)));
        List<String> leaks = new ArrayList<>();
        for (JsonNode client : root.path("clients")) {
            String id = client.path("clientId").asText();
            assertTrue(client.has("defaultClientScopes"), id + " names its default client scopes (else it gets the realm's)");
            for (String audience : audiences(client)) {
                if (!audience.equals(id)) {
                    leaks.add(id + " adds audience " + audience + " with a mapper of its own");
                }
            }
            client.path("defaultClientScopes").forEach(s -> audiencesOfScope.getOrDefault(s.asText(), List.of())
                    .forEach(a -> leaks.add(id + " gets audience " + a + " by default through scope " + s.asText())));
        }
        root.path("defaultDefaultClientScopes").forEach(s -> audiencesOfScope.getOrDefault(s.asText(), List.of())
                .forEach(a -> leaks.add("new clients get audience " + a + " by default through scope " + s.asText())));
        assertEquals(List.of(), leaks);
    }

    @Test
    void eachServiceHasAnOptionalScopeOfItsOwnAudienceOnly() throws Exception {
        JsonNode root = new ObjectMapper().readTree(realm().toFile());
        for (String service : SERVICES) {
            JsonNode scope = scope(root, service);
            assertEquals(List.of(service), audiences(scope), "audiences of the client scope " + service);
        }
        assertEquals(List.of("registry-service", "measures-service", "commission-service", "reporting-service"),
                serviceScopes(client(root, "cli"), "optionalClientScopes"));
        // commission-service's service account asks only the registry's narrow IIN check, measures-service's only
        // the registry's person summary for an executing organisation.
        assertEquals(List.of("registry-service"), serviceScopes(client(root, "commission-service"), "optionalClientScopes"));
        assertEquals(List.of("registry-service"), serviceScopes(client(root, "measures-service"), "optionalClientScopes"));
        for (String service : List.of("registry-service", "reporting-service")) {
            assertEquals(List.of(), serviceScopes(client(root, service), "optionalClientScopes"), service + " calls no service");
        }
    }

    @Test
    void theGatewayExchangesItsSessionTokensForOnePerService() throws Exception {
        // Keycloak's standard token exchange: the subject token must name the gateway in its audience, and the
        // gateway may ask for each service's scope.
        JsonNode gateway = client(new ObjectMapper().readTree(realm().toFile()), "gateway");
        assertEquals("true", gateway.path("attributes").path("standard.token.exchange.enabled").asText());
        assertEquals(List.of("gateway"), audiences(gateway));
        assertEquals(SERVICES, serviceScopes(gateway, "optionalClientScopes"));
    }

    private static final List<String> SERVICES = List.of("registry-service", "measures-service", "commission-service",
            "reporting-service");

    private static List<String> audiences(JsonNode clientOrScope) {
        List<String> audiences = new ArrayList<>();
        for (JsonNode mapper : clientOrScope.path("protocolMappers")) {
            if (mapper.path("protocolMapper").asText().equals("oidc-audience-mapper")) {
                audiences.add(mapper.path("config").path("included.client.audience").asText());
            }
        }
        return audiences;
    }

    private static List<String> serviceScopes(JsonNode client, String field) {
        List<String> scopes = new ArrayList<>();
        client.path(field).forEach(s -> {
            if (SERVICES.contains(s.asText())) {
                scopes.add(s.asText());
            }
        });
        return scopes;
    }

    private static JsonNode client(JsonNode root, String clientId) {
        for (JsonNode c : root.path("clients")) {
            if (c.path("clientId").asText().equals(clientId)) {
                return c;
            }
        }
        throw new AssertionError("no client " + clientId + " in the realm");
    }

    private static JsonNode scope(JsonNode root, String name) {
        for (JsonNode s : root.path("clientScopes")) {
            if (s.path("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no client scope " + name + " in the realm");
    }

    private static Path realm() {
        Path here = Path.of("").toAbsolutePath();
        return (Files.exists(here.resolve("keycloak")) ? here : here.resolve("devstack")).resolve("keycloak/prevention-realm.json");
    }

    private static void walk(JsonNode node, String path, List<String> tooLong) {
        if (path.startsWith("/components")) {
            return;
        }
        if (node.isTextual() && node.asText().length() > KEYCLOAK_VARCHAR) {
            tooLong.add(path + " (" + node.asText().length() + ")");
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                walk(e.getValue(), path + "/" + e.getKey(), tooLong);
            }
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, tooLong);
            }
        }
    }
}
