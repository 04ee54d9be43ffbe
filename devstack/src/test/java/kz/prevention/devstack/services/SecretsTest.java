package kz.prevention.devstack.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {

    @TempDir
    Path state;

    @Test
    void commissionServiceGetsTheClientSecretTheImportedRealmCarries() throws Exception {
        String realm = Files.readString(realmFile());
        String imported = Secrets.realmWithClientSecrets(realm, state);
        String secret = Secrets.serviceKeys(state, "commission-service", true).get("QUARKUS_OIDC_CREDENTIALS_SECRET");

        assertTrue(secret.length() > 30, "a random secret, not the development value");
        assertTrue(imported.contains("\"secret\": \"" + secret + "\""), "the realm imported carries the service's secret");
        assertFalse(imported.contains("commission-service-secret"));
        assertEquals(secret, Secrets.serviceKeys(state, "commission-service", true).get("QUARKUS_OIDC_CREDENTIALS_SECRET"),
                "made once, the same on every start");
        assertFalse(Secrets.serviceKeys(state, "registry-service", true).containsKey("QUARKUS_OIDC_CREDENTIALS_SECRET"));
    }

    private static Path realmFile() {
        Path here = Path.of("").toAbsolutePath();
        return (Files.exists(here.resolve("keycloak")) ? here : here.resolve("devstack")).resolve("keycloak/prevention-realm.json");
    }
}
