package kz.prevention.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import kz.prevention.k8s.validate.RenderedObject;

/** The rendered realm imports: the devstack realm, minus development access in prod, no secret values. */
class RealmImportTest {

    @Test
    void prodHasNeitherThePasswordGrantClientNorDemoUsers() {
        JsonNode realm = realm("prod");

        assertThat(clientIds(realm)).doesNotContain("cli", "integration-demo")
                .contains("spa", "gateway", "registry-service", "measures-service", "commission-service",
                        "reporting-service");
        realm.path("clients").forEach(c -> assertThat(c.path("directAccessGrantsEnabled").asBoolean(false))
                .as(c.path("clientId").asText() + " allows the password grant").isFalse());
        realm.path("users").forEach(u -> assertThat(u.has("credentials")).as(u.path("username").asText()).isFalse());
        assertThat(realm.path("users").findValuesAsText("username")).doesNotContain("officer.almaty", "admin.kz",
                "service-account-integration-demo");
    }

    @Test
    void devKeepsDevstacksDemoAccess() {
        JsonNode realm = realm("dev");

        assertThat(clientIds(realm)).contains("cli", "integration-demo");
        assertThat(realm.path("users").findValuesAsText("username")).contains("officer.almaty", "juvenile.almaty",
                "analyst.kz");
    }

    @Test
    void everyConfidentialClientsSecretIsAPlaceholderFilledFromItsSecret() {
        for (String overlay : Rendered.OVERLAYS) {
            RenderedObject imp = Rendered.ofKind(overlay, "KeycloakRealmImport").get(0);
            JsonNode placeholders = imp.tree().path("spec").path("placeholders");
            for (JsonNode client : imp.tree().path("spec").path("realm").path("clients")) {
                if (!client.has("secret")) {
                    continue;
                }
                String id = client.path("clientId").asText();
                String secret = client.path("secret").asText();
                assertThat(secret).as(overlay + " " + id).matches("\\$\\{CLIENT_SECRET_[A-Z_]+}");
                JsonNode ref = placeholders.path(secret.substring(2, secret.length() - 1)).path("secret");
                assertThat(ref.path("name").asText()).isEqualTo(id + "-oidc");
                assertThat(ref.path("key").asText()).isEqualTo("client-secret");
            }
        }
    }

    @Test
    void theWebAppRedirectsOnlyToTheEnvironmentsHost() {
        assertThat(realm("prod").path("clients").findValues("redirectUris").toString())
                .contains("https://prevention.example.kz/*").doesNotContain("127.0.0.1", "localhost");
        assertThat(realm("dev").path("clients").findValues("redirectUris").toString())
                .contains("https://prevention-dev.example.kz/*").doesNotContain("127.0.0.1", "localhost");
    }

    private static JsonNode realm(String overlay) {
        return Rendered.ofKind(overlay, "KeycloakRealmImport").get(0).tree().path("spec").path("realm");
    }

    private static List<String> clientIds(JsonNode realm) {
        List<String> ids = new ArrayList<>();
        realm.path("clients").forEach(c -> ids.add(c.path("clientId").asText()));
        return ids;
    }
}
