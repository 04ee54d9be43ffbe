package kz.prevention.devstack.kafka;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kz.prevention.devstack.process.Ports;

/**
 * devstack's broker as it runs under {@code ./platform up} and e2e: a separate JVM started with
 * {@code --secure}, provisioned from the real event catalog. Each principal may do exactly what
 * the catalog grants it — the trust boundary issue 9 asks for: nobody but an owner can publish a
 * forged event on its topic.
 */
class SecuredBrokerTest {

    private static final List<String> SERVICES = List.of("registry-service", "measures-service", "commission-service",
            "reporting-service");
    private static final String ENTRIES = "prevention.registry.entries";

    @TempDir
    static Path dir;
    private static Process broker;
    private static String bootstrap;
    private static final Map<String, String> PASSWORDS = new LinkedHashMap<>();
    private static EventCatalog catalog;

    @BeforeAll
    static void start() throws Exception {
        int port = Ports.free();
        int controllerPort = Ports.free();
        bootstrap = "127.0.0.1:" + port;
        Path adminPassword = dir.resolve("admin.password");
        Files.writeString(adminPassword, "admin-secret-" + System.nanoTime());
        PASSWORDS.put("admin", Files.readString(adminPassword));
        for (String principal : SERVICES) {
            PASSWORDS.put(principal, principal + "-secret");
        }
        PASSWORDS.put(TopicAccess.ANALYST_PRINCIPAL, "analyst-secret");

        List<String> command = new ArrayList<>(KafkaComponent.command(
                List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)), port, controllerPort,
                dir.resolve("data")));
        command.add("--secure");
        command.add(adminPassword.toString());
        broker = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("broker.log").toFile())
                .start();
        try {
            // Fails at once when the broker process dies (e.g. a refused configuration), else within 2 minutes.
            Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .failFast("the broker process exited", () -> !broker.isAlive())
                    .until(() -> KafkaComponent.healthy(login("admin")));
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("the secured broker did not start:\n"
                    + Files.readString(dir.resolve("broker.log"), StandardCharsets.UTF_8), e);
        }
        catalog = EventCatalog.read(projectRoot().resolve(EventCatalog.PATH));
        Map<String, String> principals = new LinkedHashMap<>(PASSWORDS);
        principals.remove("admin");
        new BrokerProvisioner(login("admin")).provision(catalog, SERVICES, principals);
    }

    @AfterAll
    static void stop() throws Exception {
        if (broker != null) {
            broker.destroy();
            if (!broker.waitFor(30, TimeUnit.SECONDS)) {
                broker.destroyForcibly();
            }
        }
    }

    @Test
    void theOwnerPublishesItsTopicAndNobodyElseDoes() {
        assertDoesNotThrow(() -> send("registry-service", ENTRIES));
        for (String other : List.of("measures-service", "commission-service", "reporting-service",
                TopicAccess.ANALYST_PRINCIPAL)) {
            ExecutionException refused = assertThrows(ExecutionException.class, () -> send(other, ENTRIES), other);
            assertInstanceOf(TopicAuthorizationException.class, refused.getCause(), other);
        }
    }

    @Test
    void aConsumerReadsWhatItConsumesInItsOwnGroupsAndDeadLettersThere() throws Exception {
        send("registry-service", ENTRIES);
        assertTrue(readsSomething("measures-service", ENTRIES, "measures-service.inbox"));
        assertDoesNotThrow(() -> send("measures-service", ENTRIES + ".dlt"));
        assertThrows(GroupAuthorizationException.class,
                () -> readsSomething("measures-service", ENTRIES, "registry-service.inbox"));
        // The registry consumes nothing of the measures' plans; analysts read no personal-data topic.
        assertThrows(TopicAuthorizationException.class,
                () -> readsSomething("registry-service", "prevention.measures.plans", "registry-service.x"));
        assertThrows(TopicAuthorizationException.class,
                () -> readsSomething(TopicAccess.ANALYST_PRINCIPAL, ENTRIES, TopicAccess.ANALYST_PRINCIPAL + ".x"));
        // ... but they read the stream reporting-service pseudonymises for them.
        String stream = "prevention.analytics.pseudonymised";
        send("reporting-service", stream);
        assertTrue(readsSomething(TopicAccess.ANALYST_PRINCIPAL, stream, TopicAccess.ANALYST_PRINCIPAL + ".study"));
    }

    @Test
    void servicesCreateNoTopicsAndAWrongPasswordOrNoLoginGetsNothing() throws Exception {
        try (Admin admin = Admin.create(login("registry-service").clientProperties())) {
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> admin.createTopics(List.of(new NewTopic("prevention.registry.typo", 1, (short) 1))).all()
                            .get(30, TimeUnit.SECONDS));
            assertInstanceOf(org.apache.kafka.common.errors.AuthorizationException.class, refused.getCause());
        }
        KafkaCredentials wrong = new KafkaCredentials(bootstrap, "registry-service", "not-the-password");
        ExecutionException denied = assertThrows(ExecutionException.class, () -> send(wrong, ENTRIES));
        assertInstanceOf(SaslAuthenticationException.class, denied.getCause());

        Map<String, Object> anonymous = new HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000));
        assertFalse(KafkaComponent.healthy(new KafkaCredentials(bootstrap, "nobody", "x")));
        try (KafkaProducer<String, String> p = new KafkaProducer<>(anonymous, new StringSerializer(), new StringSerializer())) {
            assertThrows(Exception.class, () -> p.send(new ProducerRecord<>(ENTRIES, "k", "forged")).get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void provisioningAgainChangesNothing() throws Exception {
        Map<String, String> principals = new LinkedHashMap<>(PASSWORDS);
        principals.remove("admin");
        new BrokerProvisioner(login("admin")).provision(catalog, SERVICES, principals);
        try (Admin admin = Admin.create(login("admin").clientProperties())) {
            long expected = 0;
            for (String s : SERVICES) {
                expected += BrokerProvisioner.bindings(s, TopicAccess.forService(catalog, s)).size();
            }
            expected += BrokerProvisioner.bindings(TopicAccess.ANALYST_PRINCIPAL, TopicAccess.forAnalysts(catalog)).size();
            assertEquals(expected, admin.describeAcls(org.apache.kafka.common.acl.AclBindingFilter.ANY).values()
                    .get(30, TimeUnit.SECONDS).size());
            assertTrue(admin.listTopics().names().get(30, TimeUnit.SECONDS).containsAll(catalog.brokerTopicNames()));
        }
    }

    private static void send(String principal, String topic) throws Exception {
        send(login(principal), topic);
    }

    private static void send(KafkaCredentials login, String topic) throws Exception {
        Map<String, Object> p = new HashMap<>(login.clientProperties());
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "key", "{}")).get(30, TimeUnit.SECONDS);
        }
    }

    private static boolean readsSomething(String principal, String topic, String group) {
        Map<String, Object> p = new HashMap<>(login(principal).clientProperties());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline)) {
                if (!consumer.poll(Duration.ofMillis(500)).isEmpty()) {
                    return true;
                }
            }
            return false;
        }
    }

    private static KafkaCredentials login(String principal) {
        return new KafkaCredentials(bootstrap, principal, PASSWORDS.get(principal));
    }

    private static Path projectRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve(EventCatalog.PATH)) ? here : here.getParent();
    }
}
