package kz.prevention.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What `up` prints at the end: where everything listens and who can log in, read from the realm file. */
final class Summary {

    private final StackConfig config;

    Summary(StackConfig config) {
        this.config = config;
    }

    void print(PrintStream out) throws IOException {
        out.println("URLs");
        for (ServiceSpec s : config.services()) {
            out.printf("  %-20s http://127.0.0.1:%d   (OpenAPI UI: /q/swagger-ui, health: /q/health)%n", s.name(), s.port());
        }
        int gateway = config.service("gateway").port();
        out.printf("  %-20s http://127.0.0.1:%d/app/   (commission secretaries and members; Қазақша, Русский, English;"
                + " sign in as secretary.almaty / secretary.almaty)%n", "web app", gateway);
        out.printf("  %-20s http://127.0.0.1:%d/api/<registry|measures|commission|reporting>/v1/...   (all APIs:"
                + " /api/openapi, Swagger UI: /q/swagger-ui)%n", "platform API", gateway);
        out.printf("  %-20s %s   (admin console: admin / admin)%n", "keycloak", config.keycloakUrl());
        out.printf("  %-20s %s%n", "kafka", config.kafkaBootstrap());
        out.printf("  %-20s %s:%d   (databases: %s)%n", "postgresql", config.pgHost(), config.pgPort(),
                String.join(", ", new kz.prevention.devstack.postgres.PostgresProvisioner(config).logicalDatabases()));
        out.println();
        out.println("Demo logins (realm prevention; password = username)");
        for (String line : demoUsers(config.root().resolve("devstack/keycloak/prevention-realm.json"))) {
            out.println("  " + line);
        }
        out.println();
        out.println("A token for a demo user, for one service (scope=<service>: only that service accepts it):");
        out.printf("  curl -s -d grant_type=password -d client_id=cli -d scope=registry-service -d username=officer.almaty \\%n"
                + "    -d password=officer.almaty %s/protocol/openid-connect/token%n", config.issuer());
    }

    static List<String> demoUsers(Path realmFile) throws IOException {
        JsonNode realm = new ObjectMapper().readTree(realmFile.toFile());
        List<String> lines = new ArrayList<>();
        for (JsonNode u : realm.path("users")) {
            if (u.has("serviceAccountClientId")) {
                continue;
            }
            JsonNode attrs = u.path("attributes");
            lines.add(String.format("%-20s roles=%-38s agency=%-10s region=%s", u.path("username").asText(),
                    join(u.path("realmRoles")), attrs.path("agency").path(0).asText("-"),
                    attrs.path("region").path(0).asText("-")));
        }
        return lines;
    }

    private static String join(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(n -> items.add(n.asText()));
        return String.join(",", items);
    }
}
