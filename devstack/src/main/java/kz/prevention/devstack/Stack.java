package kz.prevention.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import kz.prevention.devstack.kafka.KafkaComponent;
import kz.prevention.devstack.keycloak.KeycloakComponent;
import kz.prevention.devstack.postgres.PostgresComponent;
import kz.prevention.devstack.postgres.PostgresProvisioner;
import kz.prevention.devstack.process.Console;
import kz.prevention.devstack.process.ProcessRegistry;
import kz.prevention.devstack.services.ServiceComponent;

/**
 * The whole platform on one machine: PostgreSQL, Kafka, Keycloak and the services, started in
 * dependency order, each only if not already running, and stopped by PID.
 */
public final class Stack {

    private final StackConfig config;
    private final Console console;
    private final ProcessRegistry processes;
    private final PostgresComponent postgres;
    private final PostgresProvisioner provisioner;
    private final KafkaComponent kafka;
    private final KeycloakComponent keycloak;
    private final List<ServiceComponent> services;

    public Stack(StackConfig config, Console console) {
        this.config = config;
        this.console = console;
        this.processes = new ProcessRegistry(config.pids(), config.logs());
        this.postgres = new PostgresComponent(config, processes, console);
        this.provisioner = new PostgresProvisioner(config);
        this.kafka = new KafkaComponent(config, processes, console);
        this.keycloak = new KeycloakComponent(config, processes, console, provisioner);
        this.services = config.services().stream()
                .map(s -> new ServiceComponent(s, config, processes, console, kafka)).toList();
    }

    public StackConfig config() {
        return config;
    }

    public void up() throws Exception {
        List<String> classpath = devstackClasspath(config.root());
        postgres.ensureRunning(classpath);
        provisioner.provision();
        console.step(PostgresComponent.NAME, "databases and roles present: " + provisioner.logicalDatabases());
        kafka.start(classpath);
        keycloak.start();
        kafka.awaitReady();
        kafka.provision();
        services.forEach(ServiceComponent::start);
        keycloak.awaitReady();
        services.forEach(ServiceComponent::awaitReady);
    }

    /** Stops what this stack started, services first; a PostgreSQL server it did not start stays up. */
    public void down() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).stop();
        }
        keycloak.stop();
        kafka.stop();
        postgres.stop();
    }

    /**
     * Stops one service and starts it again with extra environment variables (none restores its
     * usual configuration), waiting until it is ready. The rest of the platform keeps running.
     *
     * @return seconds from launching the service's JVM to its readiness answering UP
     */
    public double restart(String service, java.util.Map<String, String> overrides) {
        ServiceComponent s = services.stream().filter(c -> c.name().equals(service)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + service + " in this stack"));
        s.stop();
        s.start(overrides);
        s.awaitReady();
        // From the moment the process was spawned, not from before s.start(): preparing the command line
        // in this short-lived JVM (the event catalog read, the secrets) is not the service's start.
        return (System.nanoTime() - s.launchedNanos()) / 1e9;
    }

    /** Drops the databases of an isolated stack (never called for the developer's stack). */
    public void dropDatabases() throws Exception {
        if (config.databasePrefix().isEmpty()) {
            throw new IllegalStateException("refusing to drop the developer stack's databases");
        }
        for (String db : provisioner.logicalDatabases()) {
            provisioner.drop(db);
        }
    }

    public List<ComponentStatus> status() {
        List<ComponentStatus> rows = new ArrayList<>();
        boolean pgUp = postgres.answers();
        rows.add(new ComponentStatus(PostgresComponent.NAME, pid(PostgresComponent.NAME).orElse(null), config.pgPort(),
                pgUp ? (postgres.embedded() ? "UP (embedded)" : "UP (external)") : "DOWN"));
        rows.add(new ComponentStatus(KafkaComponent.NAME, pid(KafkaComponent.NAME).orElse(null), config.kafkaPort(),
                health(kafka.running(), kafka.healthy())));
        rows.add(new ComponentStatus(KeycloakComponent.NAME, pid(KeycloakComponent.NAME).orElse(null),
                config.keycloakPort(), health(keycloak.running(), keycloak.healthy())));
        for (ServiceComponent s : services) {
            rows.add(new ComponentStatus(s.name(), pid(s.name()).orElse(null), s.port(), health(s.running(), s.healthy())));
        }
        return rows;
    }

    public boolean allHealthy() {
        return status().stream().allMatch(ComponentStatus::up);
    }

    /** The broker's component: its administrator's and each principal's credentials. */
    public KafkaComponent kafka() {
        return kafka;
    }

    public ProcessRegistry processes() {
        return processes;
    }

    private Optional<Long> pid(String component) {
        return processes.running(component).map(ProcessHandle::pid);
    }

    private static String health(boolean running, boolean healthy) {
        if (!running) {
            return "STOPPED";
        }
        return healthy ? "UP" : "STARTING/DOWN";
    }

    /** devstack's own classes and runtime classpath, as written by its Maven build. */
    public static List<String> devstackClasspath(Path root) {
        Path file = root.resolve("devstack/target/devstack.classpath");
        Path classes = root.resolve("devstack/target/classes");
        if (!Files.exists(file) || !Files.isDirectory(classes)) {
            throw new IllegalStateException("devstack is not built (" + file + " missing); run ./mvnw -pl devstack package");
        }
        try {
            List<String> cp = new ArrayList<>();
            cp.add(classes.toString());
            for (String entry : Files.readString(file).trim().split(":")) {
                if (!entry.isBlank()) {
                    cp.add(entry);
                }
            }
            return cp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record ComponentStatus(String component, Long pid, int port, String health) {
        public boolean up() {
            return health.startsWith("UP");
        }
    }
}
