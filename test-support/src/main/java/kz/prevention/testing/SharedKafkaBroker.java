package kz.prevention.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.File;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * One real Kafka broker for a whole Maven run, shared by the test JVMs of every module.
 *
 * <p>The first JVM that needs a broker starts devstack's {@code KafkaBrokerMain} as its own
 * process (the broker jars are not on the services' classpath: they need kafka-clients 4.4.0,
 * the services 4.1.2) and records it under {@code target/test-kafka/}; later JVMs find it
 * there and reuse it. Every JVM touches a lease file while it runs; when nobody has renewed
 * the lease for {@value #LEASE_SECONDS} s, the broker stops itself and deletes its data.
 * Set {@code KAFKA_BOOTSTRAP_SERVERS} to use an already running broker (e.g. devstack's).
 */
public final class SharedKafkaBroker {

    static final int LEASE_SECONDS = 120;
    private static String bootstrap;
    private static ScheduledExecutorService leaseRenewer;

    private SharedKafkaBroker() {
    }

    public static synchronized String bootstrapServers() {
        if (bootstrap != null) {
            return bootstrap;
        }
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (external != null && !external.isBlank()) {
            bootstrap = external;
            return bootstrap;
        }
        Path state = ProjectRoot.get().resolve("target/test-kafka");
        try {
            Files.createDirectories(state);
            try (FileChannel channel = FileChannel.open(state.resolve("lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                Path lease = state.resolve("lease");
                touch(lease);
                bootstrap = reuse(state).orElseGet(() -> start(state, lease));
                renewLease(lease);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up the test Kafka broker in " + state, e);
        }
        return bootstrap;
    }

    private static java.util.Optional<String> reuse(Path state) throws IOException {
        Path file = state.resolve("broker.properties");
        if (!Files.exists(file)) {
            return java.util.Optional.empty();
        }
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        long pid = Long.parseLong(p.getProperty("pid", "-1"));
        int port = Integer.parseInt(p.getProperty("port", "-1"));
        boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        if (alive && Ports.answers("127.0.0.1", port)) {
            return java.util.Optional.of("127.0.0.1:" + port);
        }
        return java.util.Optional.empty();
    }

    private static String start(Path state, Path lease) {
        int port = Ports.free();
        int controllerPort = Ports.free();
        Path dataDir = state.resolve("data-" + UUID.randomUUID());
        Path root = ProjectRoot.get();
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Xms128m", "-XX:+UseG1GC",
                "-Dprevention.devstack=test-kafka",
                "-Dlog4j2.configurationFile=log4j2-broker.properties",
                "-cp", devstackClasspath(root),
                "kz.prevention.devstack.kafka.KafkaBrokerMain",
                Integer.toString(port), Integer.toString(controllerPort), dataDir.toString(),
                "--lease", lease.toString(), Integer.toString(LEASE_SECONDS)));
        try {
            Process process = new ProcessBuilder(cmd)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(state.resolve("broker.log").toFile()))
                    .start();
            String bootstrapServers = "127.0.0.1:" + port;
            awaitReady(process, bootstrapServers, state.resolve("broker.log"));
            Properties p = new Properties();
            p.setProperty("pid", Long.toString(process.pid()));
            p.setProperty("port", Integer.toString(port));
            try (var w = Files.newBufferedWriter(state.resolve("broker.properties"))) {
                p.store(w, "the test broker shared by this Maven run");
            }
            return bootstrapServers;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test Kafka broker", e);
        }
    }

    private static void awaitReady(Process process, String bootstrapServers, Path log) {
        int port = Integer.parseInt(bootstrapServers.substring(bootstrapServers.indexOf(':') + 1));
        try {
            Awaitility.await("the test Kafka broker")
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("the test Kafka broker exited with " + process.exitValue()
                                    + "; see " + log);
                        }
                        return Ports.answers("127.0.0.1", port) && clusterAnswers(bootstrapServers);
                    });
        } catch (ConditionTimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the test Kafka broker did not answer within 90 s; see " + log, e);
        }
    }

    private static boolean clusterAnswers(String bootstrapServers) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "2000");
        try (Admin admin = Admin.create(p)) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    private static String devstackClasspath(Path root) {
        Path file = root.resolve("devstack/target/devstack.classpath");
        Path classes = root.resolve("devstack/target/classes");
        if (!Files.exists(file) || !Files.isDirectory(classes)) {
            throw new IllegalStateException("the test Kafka broker runs from devstack's classpath, but " + file
                    + " is missing; build it first: ./mvnw -pl devstack package (a full ./mvnw verify does it)");
        }
        try {
            return classes + File.pathSeparator + Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void renewLease(Path lease) {
        if (leaseRenewer != null) {
            return;
        }
        leaseRenewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "test-kafka-lease");
            t.setDaemon(true);
            return t;
        });
        leaseRenewer.scheduleAtFixedRate(() -> touch(lease), 5, 5, TimeUnit.SECONDS);
    }

    private static void touch(Path lease) {
        try {
            if (!Files.exists(lease)) {
                Files.createFile(lease);
            }
            Files.setLastModifiedTime(lease, FileTime.from(Instant.now()));
        } catch (IOException e) {
            System.err.println("could not renew the test broker's lease " + lease + ": " + e.getMessage());
        }
    }

}
