package kz.prevention.devstack.services;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kz.prevention.devstack.ServiceSpec;
import kz.prevention.devstack.StackConfig;
import kz.prevention.devstack.kafka.KafkaComponent;
import kz.prevention.devstack.postgres.PostgresProvisioner;
import kz.prevention.devstack.process.Console;
import kz.prevention.devstack.process.HttpProbe;
import kz.prevention.devstack.process.Ports;
import kz.prevention.devstack.process.ProcessRegistry;

/** One of the platform's Quarkus services, run from its built fast-jar. */
public final class ServiceComponent {

    private final ServiceSpec spec;
    private final StackConfig config;
    private final ProcessRegistry processes;
    private final Console console;
    private final KafkaComponent kafka;
    private long launchedNanos;

    public ServiceComponent(ServiceSpec spec, StackConfig config, ProcessRegistry processes, Console console,
            KafkaComponent kafka) {
        this.spec = spec;
        this.config = config;
        this.processes = processes;
        this.console = console;
        this.kafka = kafka;
    }

    public String name() {
        return spec.name();
    }

    public int port() {
        return spec.port();
    }

    public Path jar() {
        return config.root().resolve(spec.name()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public boolean running() {
        return processes.running(spec.name()).isPresent();
    }

    public void start() {
        start(Map.of());
    }

    /**
     * Starts the service with extra environment variables over its usual configuration (a
     * rehearsal's, e.g. {@code PREVENTION_DATE_OFFSET}); they last until the service is restarted.
     */
    public void start(Map<String, String> overrides) {
        if (running()) {
            console.step(spec.name(), "already running (pid " + processes.running(spec.name()).get().pid() + ")");
            return;
        }
        if (!Files.exists(jar())) {
            throw new IllegalStateException(jar() + " is missing; build it: ./mvnw -DskipTests package");
        }
        if (Ports.isOpen("127.0.0.1", spec.port())) {
            throw new IllegalStateException("port " + spec.port() + " is taken by a process devstack did not start;"
                    + " stop it or set " + spec.name().replace("-service", "").toUpperCase() + "_PORT");
        }
        console.step(spec.name(), "starting on http://127.0.0.1:" + spec.port());
        ServiceJvm jvm = ServiceJvm.of(config);
        List<String> flags = new java.util.ArrayList<>(JvmFlags.forService(config.serviceHeapMb()));
        // Appended last so they win: e.g. JFR or native memory tracking for a profiling run.
        flags.addAll(config.serviceJavaOptions());
        List<String> command = new java.util.ArrayList<>();
        command.add(jvm.java());
        command.addAll(flags);
        if (jvm.aotCache()) {
            List<String> aot = new AotCache(config.stateDir(), spec.name(), jar().getParent()).flags(jvm.java(), flags);
            if (AotCache.trains(aot)) {
                console.step(spec.name(), "training run: its AOT cache is written when it stops, and later starts use it");
            }
            command.addAll(aot);
        }
        command.add("-Dprevention.devstack=" + spec.name());
        command.add("-jar");
        command.add(jar().toString());
        Map<String, String> env = environment();
        env.putAll(overrides);
        launchedNanos = System.nanoTime();
        processes.start(spec.name(), command, env, config.root());
    }

    /** The service's configuration, as environment variables that override application.properties. */
    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(spec.port()));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrap());
        if (kafka.kafkaServices().contains(spec.name())) {
            // Its own principal on the secured broker; topics are devstack's to create, under ACLs.
            env.putAll(kafka.credentials(spec.name()).serviceEnvironment());
            env.put("PREVENTION_EVENTING_TOPICS_CREATE", "false");
        }
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", config.issuer());
        if (spec.ownsDatabase()) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", config.jdbcUrl(spec.database()));
            env.put("QUARKUS_DATASOURCE_USERNAME", PostgresProvisioner.roleFor(spec.database()));
            env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresProvisioner.passwordFor(spec.database()));
            env.put("QUARKUS_FLYWAY_USERNAME", PostgresProvisioner.ownerFor(spec.database()));
            env.put("QUARKUS_FLYWAY_PASSWORD", PostgresProvisioner.passwordFor(spec.database()));
        }
        env.putAll(Secrets.serviceKeys(config.stateDir(), spec.name(), spec.ownsDatabase()));
        for (var other : config.services()) {
            env.put(other.name().toUpperCase().replace('-', '_') + "_URL", "http://127.0.0.1:" + other.port());
        }
        return env;
    }

    /**
     * {@link System#nanoTime()} just before this component last spawned its process (the operating
     * system's start time of a process is no help: Linux gives the boot time in whole seconds).
     */
    public long launchedNanos() {
        return launchedNanos;
    }

    public boolean healthy() {
        return HttpProbe.ok(healthUrl());
    }

    public String healthUrl() {
        return "http://127.0.0.1:" + spec.port() + "/q/health/ready";
    }

    public void awaitReady() {
        boolean ok = console.await(spec.name(), "/q/health/ready", Duration.ofMinutes(3), this::healthy, this::running);
        if (!ok) {
            throw new IllegalStateException(spec.name() + " did not become ready; see " + processes.logFile(spec.name())
                    + " and " + healthUrl());
        }
        console.step(spec.name(), "ready");
    }

    public void stop() {
        boolean training = processes.running(spec.name()).map(AotCache::training).orElse(false);
        if (training) {
            console.step(spec.name(), "stopping; writing its AOT cache (once after each build, up to a minute)");
        }
        if (processes.stop(spec.name(), training ? Duration.ofMinutes(3) : Duration.ofSeconds(25))) {
            console.step(spec.name(), "stopped");
        }
    }
}
