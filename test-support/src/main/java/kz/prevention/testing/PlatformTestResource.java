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
            config.put("quarkus.datasource.username", database.user());
            config.put("quarkus.datasource.password", database.password());
        }
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
