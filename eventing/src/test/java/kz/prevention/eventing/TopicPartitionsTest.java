package kz.prevention.eventing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import kz.prevention.eventing.catalog.EventCatalog;
import kz.prevention.eventing.catalog.TopicSpec;
import kz.prevention.eventing.config.EventingConfig;
import kz.prevention.eventing.kafka.KafkaClients;
import kz.prevention.eventing.kafka.TopicProvisioner;
import kz.prevention.eventing.kafka.TopicsReadiness;
import kz.prevention.eventing.kafka.TopicProvisioner.TopicMismatchException;

/**
 * Issue 9, defect 2: a topic whose partition count is not the catalog's (e.g. partitions added by
 * hand) scatters an aggregate's events over partitions and reorders them; the service refuses to
 * work on it rather than lose events silently. Checked on the real test broker, under a topic
 * prefix of its own so the running test application's topics are not touched.
 */
@QuarkusTest
class TopicPartitionsTest {

    @Inject
    EventCatalog catalog;
    @Inject
    EventingConfig config;
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> broker;

    @Test
    void aTopicWithOtherPartitionsThanTheCatalogsIsRefusedNamingBothCounts() throws Exception {
        String prefix = "mismatch-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        EventingConfig prefixed = withPrefix(prefix);
        TopicSpec spec = catalog.topics().iterator().next();
        String name = prefix + spec.name();
        try (Admin admin = Admin.create(broker)) {
            admin.createTopics(List.of(new NewTopic(name, spec.partitions() + 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
            // Created is not yet listed: the broker's metadata cache follows the controller a moment later
            // (without this wait the provisioner once saw no such topic, so nothing to refuse).
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(name));
            try {
                TopicProvisioner provisioner = new TopicProvisioner(catalog,
                        new KafkaClients(broker, prefixed, "topic-partitions-test"), prefixed);

                assertThatThrownBy(provisioner::ensureTopics).isInstanceOf(TopicMismatchException.class)
                        .hasMessageContaining(name + " has " + (spec.partitions() + 2) + " partitions")
                        .hasMessageContaining("the catalog says " + spec.partitions());
                // Still refused on the next attempt: the relay and consumers ask before they work.
                assertThatThrownBy(provisioner::ensureTopics).isInstanceOf(TopicMismatchException.class);
                // And the service says so in its readiness (the check no longer stops the start).
                var readiness = new TopicsReadiness(provisioner).call();
                assertThat(readiness.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
                assertThat(readiness.getData().orElseThrow().get("mismatch").toString())
                        .contains(name + " has " + (spec.partitions() + 2) + " partitions");
            } finally {
                admin.deleteTopics(List.of(name)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void topicsWithTheCatalogsCountsPass() {
        TopicProvisioner provisioner = new TopicProvisioner(catalog,
                new KafkaClients(broker, config, "topic-partitions-test"), config);
        provisioner.ensureTopics();
        assertThat(catalog.topics()).isNotEmpty();
        assertThat(new TopicsReadiness(provisioner).call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    /** The application's eventing configuration under another topic prefix, creating no topics. */
    private EventingConfig withPrefix(String prefix) {
        EventingConfig.Topics noCreation = (EventingConfig.Topics) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {EventingConfig.Topics.class}, (p, m, args) -> switch (m.getName()) {
                    case "create" -> false;
                    case "replicationFactor" -> (short) 1;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        return (EventingConfig) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {EventingConfig.class},
                (p, m, args) -> switch (m.getName()) {
                    case "topicPrefix" -> Optional.of(prefix);
                    case "prefix" -> prefix;
                    case "topics" -> noCreation;
                    default -> {
                        try {
                            yield m.invoke(config, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }
                });
    }
}
