package kz.prevention.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Everything a service's {@code @QuarkusTest} needs, real: a fresh database on PostgreSQL
 * (init arg {@code database}, dropped afterwards), the Kafka broker shared by the Maven run,
 * a topic prefix of its own so modules never read each other's test events, and the public
 * key that verifies {@link TestTokens}.
 */
public class PlatformTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String TOPIC_PREFIX_PROPERTY = "prevention.test.topic-prefix";

    private String logicalDatabase;
    private boolean dedicatedKafka;
    private TestDatabase database;

    /**
     * Init args: {@code database} (logical name; omit for a service without one) and
     * {@code kafka=dedicated} for a broker of the test's own that {@link DedicatedKafka} can stop.
     */
    @Override
    public void init(Map<String, String> initArgs) {
        this.logicalDatabase = initArgs.get("database");
        this.dedicatedKafka = "dedicated".equals(initArgs.get("kafka"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        if (logicalDatabase != null) {
            database = TestDatabase.create(logicalDatabase);
            config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
            config.put("quarkus.datasource.username", database.app());
            config.put("quarkus.datasource.password", database.app());
            config.put("quarkus.flyway.username", database.owner());
            config.put("quarkus.flyway.password", database.owner());
            System.setProperty(DatabaseAdmin.URL, database.jdbcUrl());
            System.setProperty(DatabaseAdmin.USER, database.adminUser());
            System.setProperty(DatabaseAdmin.PASSWORD, database.adminPassword());
        }
        // The audit log's MAC key, as a deployment keeps it: outside the database.
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        config.put("prevention.audit.key", java.util.Base64.getEncoder().encodeToString(key));
        // Tests wait for seals and checkpoints: make them come quickly.
        config.put("prevention.audit.sealer.interval", "100ms");
        config.put("prevention.audit.sealer.checkpoint-interval", "1s");
        config.put("kafka.bootstrap.servers",
                dedicatedKafka ? DedicatedKafka.startNew() : SharedKafkaBroker.bootstrapServers());
        String prefix = "test-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        System.setProperty(TOPIC_PREFIX_PROPERTY, prefix);
        config.put("prevention.eventing.topic-prefix", prefix);
        config.put("quarkus.oidc.public-key", TestKeys.publicKeyBase64());
        config.put("quarkus.oidc.token.issuer", TestTokens.ISSUER);
        return config;
    }

    @Override
    public void stop() {
        if (database != null) {
            database.drop();
        }
        if (dedicatedKafka) {
            DedicatedKafka.destroy();
        }
    }
}
