package kz.prevention.devstack.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
