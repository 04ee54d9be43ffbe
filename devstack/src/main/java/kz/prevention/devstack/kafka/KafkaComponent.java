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
import kz.prevention.devstack.services.Secrets;

/**
 * The stack's Kafka broker: its own JVM on the broker jars from devstack's classpath. It is
 * secured as in production: SASL/SCRAM per principal and ACLs derived from the event catalog
 * ({@link TopicAccess}), so a service can publish only its own topics and read only what it
 * consumes; devstack creates the topics as the broker's administrator.
 */
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
        // A folder of its own: storage formatted before the broker was secured has no administrator credential.
        Path dataDir = config.stateDir().resolve("kafka").resolve("secured-data");
        console.step(NAME, "starting broker on 127.0.0.1:" + config.kafkaPort() + " (SASL/SCRAM, ACLs)");
        List<String> command = new ArrayList<>(command(classpath, config.kafkaPort(), config.kafkaControllerPort(), dataDir));
        command.add("--secure");
        command.add(Secrets.kafkaPasswordFile(config.stateDir(), BrokerProperties.ADMIN).toString());
        processes.start(NAME, command, Map.of(), config.root());
    }

    /** The broker's administrator (a super user): devstack's own provisioning and the tests' checks. */
    public KafkaCredentials admin() {
        return credentials(BrokerProperties.ADMIN);
    }

    /** A principal's login: a service's name, or {@link TopicAccess#ANALYST_PRINCIPAL}. */
    public KafkaCredentials credentials(String principal) {
        return new KafkaCredentials(config.kafkaBootstrap(), principal, Secrets.kafkaPassword(config.stateDir(), principal));
    }

    /** The platform's services that use the broker: those the event catalog names as an owner or a consumer. */
    public List<String> kafkaServices() {
        EventCatalog catalog = catalog();
        return config.services().stream().map(s -> s.name())
                .filter(name -> catalog.topics().stream()
                        .anyMatch(t -> t.owner().equals(name) || t.consumers().contains(name)))
                .toList();
    }

    /** Credentials, topics and ACLs as the catalog says; run after {@link #awaitReady}. */
    public void provision() throws Exception {
        Map<String, String> passwords = new java.util.LinkedHashMap<>();
        for (String principal : kafkaServices()) {
            passwords.put(principal, credentials(principal).password());
        }
        passwords.put(TopicAccess.ANALYST_PRINCIPAL, credentials(TopicAccess.ANALYST_PRINCIPAL).password());
        new BrokerProvisioner(admin()).provision(catalog(), kafkaServices(), passwords);
        console.step(NAME, "principals, topics and ACLs provisioned from the event catalog: " + passwords.keySet());
    }

    private EventCatalog catalog() {
        return EventCatalog.read(config.root().resolve(EventCatalog.PATH));
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
        return healthy(admin());
    }

    public static boolean healthy(KafkaCredentials login) {
        String bootstrap = login.bootstrap();
        if (!Ports.isOpen(bootstrap.split(":")[0], Integer.parseInt(bootstrap.split(":")[1]))) {
            return false;
        }
        Properties p = new Properties();
        p.putAll(login.clientProperties());
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
