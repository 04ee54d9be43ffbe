package kz.prevention.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real Kafka broker in its own JVM, launched from devstack's classpath (the broker jars need
 * kafka-clients 4.4.0; the services run 4.1.2, so the broker cannot share their class path).
 * Restartable on the same ports and data, for tests that take the broker away and bring it back.
 */
public final class KafkaBrokerProcess {

    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private final Path log;
    private final List<String> extraArgs;

    public KafkaBrokerProcess(int port, int controllerPort, Path dataDir, Path log, List<String> extraArgs) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir;
        this.log = log;
        this.extraArgs = List.copyOf(extraArgs);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker and waits until it answers; returns its PID. */
    public long start() {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Xms128m", "-XX:+UseG1GC",
                "-Dprevention.devstack=test-kafka",
                "-Dlog4j2.configurationFile=log4j2-broker.properties",
                "-cp", devstackClasspath(ProjectRoot.get()),
                "kz.prevention.devstack.kafka.KafkaBrokerMain",
                Integer.toString(port), Integer.toString(controllerPort), dataDir.toString()));
        cmd.addAll(extraArgs);
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(cmd)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            awaitReady(process);
            return process.pid();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a Kafka broker", e);
        }
    }

    /** Stops the broker with the given PID gracefully (SIGTERM) and waits for it to exit. */
    public static void stop(long pid) {
        ProcessHandle.of(pid).ifPresent(h -> {
            h.destroy();
            try {
                h.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        });
    }

    private void awaitReady(Process process) {
        try {
            Awaitility.await("Kafka broker on port " + port)
                    .atMost(Duration.ofSeconds(240))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("the Kafka broker exited with " + process.exitValue()
                                    + "; see " + log);
                        }
                        return Ports.answers("127.0.0.1", port) && clusterAnswers();
                    });
        } catch (ConditionTimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the Kafka broker did not answer within 240 s (a loaded machine starts it slowly); see " + log, e);
        }
    }

    private boolean clusterAnswers() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
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
}
