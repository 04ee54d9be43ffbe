package kz.prevention.devstack.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import kz.prevention.devstack.StackConfig;
import kz.prevention.devstack.process.Console;
import kz.prevention.devstack.process.Ports;
import kz.prevention.devstack.process.ProcessRegistry;

/** The stack's Kafka broker: its own JVM on the broker jars from devstack's classpath. */
public final class KafkaComponent {

    public static final String NAME = "kafka";

    private final StackConfig config;
    private final ProcessRegistry processes;
    private final Console console;

    public KafkaComponent(StackConfig config, ProcessRegistry processes, Console console) {
        this.config = config;
        this.processes = processes;
        this.console = console;
    }

    public boolean running() {
        return processes.running(NAME).isPresent();
    }

    public void start(List<String> classpath) {
        if (running()) {
            console.step(NAME, "already running (pid " + processes.running(NAME).get().pid() + ")");
            return;
        }
        if (Ports.isOpen("127.0.0.1", config.kafkaPort())) {
            throw new IllegalStateException("port " + config.kafkaPort() + " is taken by a process devstack did not start;"
                    + " stop it or set KAFKA_PORT to a free port");
        }
        Path dataDir = config.stateDir().resolve("kafka").resolve("data");
        console.step(NAME, "starting broker on 127.0.0.1:" + config.kafkaPort());
        processes.start(NAME, command(classpath, config.kafkaPort(), config.kafkaControllerPort(), dataDir),
                Map.of(), config.root());
    }

    public static List<String> command(List<String> classpath, int port, int controllerPort, Path dataDir) {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Xms128m", "-XX:+UseG1GC",
                "-Dprevention.devstack=" + NAME,
                "-Dlog4j2.configurationFile=log4j2-broker.properties",
                "-cp", String.join(":", classpath),
                KafkaBrokerMain.class.getName(), Integer.toString(port), Integer.toString(controllerPort),
                dataDir.toString()));
        return cmd;
    }

    public void awaitReady() {
        var handle = processes.running(NAME);
        boolean ok = console.await(NAME, "the broker to answer", Duration.ofSeconds(90), this::healthy,
                () -> processes.running(NAME).isPresent());
        if (!ok) {
            throw new IllegalStateException("Kafka did not become ready; see " + processes.logFile(NAME)
                    + (handle.isPresent() ? "" : " (it was not running)"));
        }
        console.step(NAME, "ready");
    }

    public boolean healthy() {
        return healthy(config.kafkaBootstrap());
    }

    public static boolean healthy(String bootstrap) {
        if (!Ports.isOpen(bootstrap.split(":")[0], Integer.parseInt(bootstrap.split(":")[1]))) {
            return false;
        }
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        try (Admin admin = Admin.create(p)) {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000)).nodes()
                    .get(4, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    public void stop() {
        if (processes.stop(NAME, Duration.ofSeconds(30))) {
            console.step(NAME, "stopped");
        }
    }
}
