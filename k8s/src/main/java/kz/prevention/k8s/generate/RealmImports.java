package kz.prevention.k8s.generate;

import static kz.prevention.k8s.generate.YamlDocs.map;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import kz.prevention.k8s.model.Names;
import kz.prevention.k8s.model.Platform;
import kz.prevention.k8s.model.Platform.Environment;

/**
 * The Keycloak operator's KeycloakRealmImport for an environment, made from the realm file devstack
 * imports (devstack/keycloak/prevention-realm.json), so both run the same roles, clients, mappers and
 * user profile. Changes on the way:
 * <ul>
 * <li>confidential clients' secrets become placeholders filled from Secrets {@code <client>-oidc}
 * (key {@code client-secret}), the same the services read: no secret value is in the repo;</li>
 * <li>the local origins (http://127.0.0.1:8080, http://localhost:8080) become the environment's host;</li>
 * <li>where the environment has no development access: the development-only clients (the {@code cli}
 * password grant, {@code integration-demo}) and their service-account users go, and so does every user
 * with a password (the demo users).</li>
 * </ul>
 */
public final class RealmImports {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LOCAL_ORIGINS = List.of("http://127.0.0.1:8080", "http://localhost:8080");

    private RealmImports() {
    }

    public static Map<String, Object> of(Platform platform, Environment env) {
        ObjectNode realm = readRealm(platform);
        Map<String, Object> placeholders = new TreeMap<>();
        ArrayNode clients = (ArrayNode) realm.get("clients");
        Set<String> removed = new java.util.TreeSet<>();
        for (Iterator<JsonNode> it = clients.iterator(); it.hasNext();) {
            ObjectNode client = (ObjectNode) it.next();
            String id = client.get("clientId").asText();
            if (!env.developmentAccess() && platform.developmentOnlyClients().contains(id)) {
                removed.add(id);
                it.remove();
                continue;
            }
            if (client.has("secret")) {
                String placeholder = "CLIENT_SECRET_" + id.toUpperCase(Locale.ROOT).replace('-', '_');
                client.put("secret", "${" + placeholder + "}");
                placeholders.put(placeholder, map("secret", map("name", Names.oidcSecret(id), "key", "client-secret")));
            }
            rewriteOrigins(client, "https://" + env.host());
        }
        ArrayNode users = (ArrayNode) realm.get("users");
        if (users != null && !env.developmentAccess()) {
            for (Iterator<JsonNode> it = users.iterator(); it.hasNext();) {
                JsonNode user = it.next();
                boolean hasPassword = user.has("credentials") && !user.get("credentials").isEmpty();
                boolean orphanAccount = user.has("serviceAccountClientId")
                        && removed.contains(user.get("serviceAccountClientId").asText());
                if (hasPassword || orphanAccount) {
                    it.remove();
                }
            }
        }
        Map<String, Object> realmMap = JSON.convertValue(realm, Map.class);
        return map("apiVersion", "k8s.keycloak.org/v2alpha1", "kind", "KeycloakRealmImport",
                "metadata", map("name", Names.REALM + "-realm", "labels", map("app.kubernetes.io/part-of", Names.PART_OF)),
                "spec", map("keycloakCRName", Names.KEYCLOAK, "realm", realmMap, "placeholders", placeholders));
    }

    /** Redirect URIs, web origins and logout URIs that name a local origin get the environment's. */
    private static void rewriteOrigins(ObjectNode client, String origin) {
        for (String field : List.of("redirectUris", "webOrigins")) {
            if (client.get(field) instanceof ArrayNode uris) {
                List<String> rewritten = new ArrayList<>();
                uris.forEach(u -> {
                    String value = replaceLocal(u.asText(), origin);
                    if (!rewritten.contains(value)) {
                        rewritten.add(value);
                    }
                });
                ArrayNode out = JSON.createArrayNode();
                rewritten.forEach(out::add);
                client.set(field, out);
            }
        }
        for (String field : List.of("rootUrl", "baseUrl", "adminUrl")) {
            if (client.get(field) instanceof TextNode text) {
                client.put(field, replaceLocal(text.asText(), origin));
            }
        }
        if (client.get("attributes") instanceof ObjectNode attributes
                && attributes.get("post.logout.redirect.uris") instanceof TextNode uris) {
            List<String> rewritten = new ArrayList<>();
            for (String u : uris.asText().split("##")) {
                String value = replaceLocal(u, origin);
                if (!rewritten.contains(value)) {
                    rewritten.add(value);
                }
            }
            attributes.put("post.logout.redirect.uris", String.join("##", rewritten));
        }
    }

    private static String replaceLocal(String uri, String origin) {
        for (String local : LOCAL_ORIGINS) {
            if (uri.startsWith(local)) {
                return origin + uri.substring(local.length());
            }
        }
        return uri;
    }

    private static ObjectNode readRealm(Platform platform) {
        try {
            return (ObjectNode) JSON.readTree(platform.realmFile().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the realm file " + platform.realmFile(), e);
        }
    }

    public static String file(Platform platform, Environment env) {
        String access = env.developmentAccess()
                ? "It keeps devstack's demo users (password = user name) and development-only clients: a\n"
                        + "development cluster only."
                : "Without the development-only clients " + platform.developmentOnlyClients()
                        + " and without any user\nwith a password: people sign in with accounts the realm's administrators create.";
        return YamlDocs.write("""
                Generated from devstack/keycloak/prevention-realm.json for the '%s' environment
                (k8s/environments.yaml) by kz.prevention.k8s.generate.RealmImports: do not edit.
                %s
                Client secrets are placeholders filled from the Secrets <client>-oidc (key client-secret).
                The operator imports a realm only if it does not exist yet (see k8s/README.md).
                Regenerate: ./mvnw -pl k8s test -Dtest=GeneratedFilesTest -Dk8s.regenerate=true
                """.formatted(env.name(), access), List.of(of(platform, env)));
    }
}
