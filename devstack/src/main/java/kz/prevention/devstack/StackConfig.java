package kz.prevention.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import kz.prevention.devstack.process.Ports;

/**
 * Where everything of one stack lives and listens. {@link #fromEnvironment} gives the
 * developer's stack on the documented ports; {@link #isolated} gives a stack on free ports
 * with its own databases, so end-to-end tests never touch a developer's running platform.
 */
public record StackConfig(
        Path root,
        Path stateDir,
        String pgHost,
        int pgPort,
        String pgAdminUser,
        String pgAdminPassword,
        String databasePrefix,
        int kafkaPort,
        int kafkaControllerPort,
        int keycloakPort,
        int keycloakManagementPort,
        Optional<Path> keycloakJavaHome,
        int serviceHeapMb,
        List<String> serviceJavaOptions,
        Optional<Path> serviceJavaHome,
        boolean serviceAotCache,
        List<ServiceSpec> services) {

    public static final List<ServiceSpec> DEFAULT_SERVICES = List.of(
            new ServiceSpec("registry-service", 8081, "registry"),
            new ServiceSpec("measures-service", 8082, "measures"),
            new ServiceSpec("commission-service", 8083, "commission"),
            new ServiceSpec("reporting-service", 8084, "reporting"),
            new ServiceSpec("gateway", 8080, null));

    public static StackConfig fromEnvironment(Path root, Map<String, String> env) {
        List<ServiceSpec> services = new ArrayList<>();
        for (ServiceSpec s : DEFAULT_SERVICES) {
            String var = s.name().replace("-service", "").toUpperCase() + "_PORT";
            services.add(s.withPort(intVar(env, var, s.port())));
        }
        return new StackConfig(
                root,
                Path.of(env.getOrDefault("PLATFORM_STATE_DIR", root.resolve(".platform").toString())),
                env.getOrDefault("PG_HOST", "127.0.0.1"),
                intVar(env, "PG_PORT", 5432),
                env.getOrDefault("PG_ADMIN_USER", "postgres"),
                env.getOrDefault("PG_ADMIN_PASSWORD", ""),
                "",
                intVar(env, "KAFKA_PORT", 9092),
                intVar(env, "KAFKA_CONTROLLER_PORT", 9093),
                intVar(env, "KEYCLOAK_PORT", 8180),
                intVar(env, "KEYCLOAK_MANAGEMENT_PORT", 9000),
                Optional.ofNullable(env.get("KEYCLOAK_JAVA_HOME")).filter(s -> !s.isBlank()).map(Path::of),
                intVar(env, "SERVICE_HEAP_MB", 96),
                words(env.getOrDefault("SERVICE_JAVA_OPTS", "")),
                Optional.ofNullable(env.get("SERVICE_JAVA_HOME")).filter(s -> !s.isBlank()).map(Path::of),
                !"false".equalsIgnoreCase(env.getOrDefault("SERVICE_AOT_CACHE", "true")),
                List.copyOf(services));
    }

    /** A stack on free ports with its own state folder and database names (prefix_registry, ...). */
    public static StackConfig isolated(Path root, Path stateDir, String databasePrefix, Map<String, String> env) {
        StackConfig base = fromEnvironment(root, env);
        List<ServiceSpec> services = base.services().stream().map(s -> s.withPort(Ports.free())).toList();
        return new StackConfig(root, stateDir, base.pgHost(), base.pgPort(), base.pgAdminUser(),
                base.pgAdminPassword(), databasePrefix, Ports.free(), Ports.free(), Ports.free(), Ports.free(),
                base.keycloakJavaHome(), base.serviceHeapMb(), base.serviceJavaOptions(), base.serviceJavaHome(),
                // Tests' stacks start and stop services many times: no training runs, no caches to write.
                false, services);
    }

    public String databaseName(String logicalName) {
        return databasePrefix + logicalName;
    }

    public String jdbcUrl(String logicalName) {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + databaseName(logicalName);
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    public String keycloakUrl() {
        return "http://127.0.0.1:" + keycloakPort;
    }

    public String issuer() {
        return keycloakUrl() + "/realms/prevention";
    }

    public ServiceSpec service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service named " + name));
    }

    public Path logs() {
        return stateDir.resolve("logs");
    }

    public Path pids() {
        return stateDir.resolve("pids");
    }

    private static List<String> words(String value) {
        return value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
    }

    private static int intVar(Map<String, String> env, String name, int fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + v + " is not a port number; unset it or give a number");
        }
    }
}
