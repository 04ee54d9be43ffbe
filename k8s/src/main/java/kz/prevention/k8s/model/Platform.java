package kz.prevention.k8s.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import kz.prevention.devstack.kafka.EventCatalog;

/**
 * What the generators read: the checkout's root (for the catalog and the realm file), k8s/services.yaml
 * and k8s/environments.yaml.
 */
public record Platform(Path root, List<ServiceSpec> services, List<Environment> environments,
        List<String> developmentOnlyClients, EventCatalog catalog) {

    public record Environment(String name, String host, String authHost, boolean developmentAccess) {
    }

    public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** @param root the checkout's root (the folder holding k8s/, eventing/, devstack/) */
    public static Platform load(Path root) {
        Path k8s = root.resolve("k8s");
        JsonNode services = readYaml(k8s.resolve("services.yaml")).path("services");
        List<ServiceSpec> specs = new ArrayList<>();
        for (JsonNode s : services) {
            List<String> calls = new ArrayList<>();
            s.path("calls").forEach(c -> calls.add(c.asText()));
            List<ServiceSpec.SecretEnv> secrets = new ArrayList<>();
            s.path("secrets").forEach(x -> secrets.add(new ServiceSpec.SecretEnv(x.path("env").asText(),
                    x.path("secret").asText(), x.path("key").asText())));
            specs.add(new ServiceSpec(s.path("name").asText(), s.path("port").asInt(), s.path("description").asText(),
                    s.hasNonNull("database") ? s.get("database").asText() : null, s.path("public").asBoolean(false),
                    calls, secrets));
        }
        JsonNode envFile = readYaml(k8s.resolve("environments.yaml"));
        List<Environment> envs = new ArrayList<>();
        for (JsonNode e : envFile.path("environments")) {
            envs.add(new Environment(e.path("name").asText(), e.path("host").asText(), e.path("authHost").asText(),
                    e.path("developmentAccess").asBoolean(false)));
        }
        List<String> devOnly = new ArrayList<>();
        envFile.path("developmentOnlyClients").forEach(c -> devOnly.add(c.asText()));
        return new Platform(root, List.copyOf(specs), List.copyOf(envs), List.copyOf(devOnly),
                EventCatalog.read(root.resolve(EventCatalog.PATH)));
    }

    public Path k8s() {
        return root.resolve("k8s");
    }

    public Path realmFile() {
        return root.resolve("devstack/keycloak/prevention-realm.json");
    }

    public Optional<ServiceSpec> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Environment environment(String name) {
        return environments.stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no environment " + name + " in environments.yaml"));
    }

    /** Whether a service appears in the catalog as an owner or a consumer of a topic. */
    public boolean isKafkaClient(String service) {
        return catalog.topics().stream().anyMatch(t -> t.owner().equals(service) || t.consumers().contains(service));
    }

    static JsonNode readYaml(Path file) {
        try {
            return YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
