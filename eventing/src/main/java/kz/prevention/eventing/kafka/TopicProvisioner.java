package kz.prevention.eventing.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import kz.prevention.eventing.catalog.EventCatalog;
import kz.prevention.eventing.catalog.TopicSpec;
import kz.prevention.eventing.config.EventingConfig;

/**
 * Makes the broker's topics what the catalog says. Missing topics (and their dead-letter topics)
 * are created when {@code topics.create} is on (devstack and Kubernetes create them beforehand,
 * under ACLs); an existing topic whose partition count differs from the catalog's is refused:
 * the Kafka key decides the partition, so a changed count scatters an aggregate's events over
 * partitions and breaks their order. The service's consumers and relay then refuse to work, loudly,
 * and the service reports itself not ready ({@link TopicsReadiness}).
 */
@ApplicationScoped
public class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    private final EventCatalog catalog;
    private final KafkaClients clients;
    private final EventingConfig config;
    private volatile boolean done;
    private volatile String mismatch;

    @Inject
    public TopicProvisioner(EventCatalog catalog, KafkaClients clients, EventingConfig config) {
        this.catalog = catalog;
        this.clients = clients;
        this.config = config;
    }

    /** A topic's partition count on the broker is not the catalog's. */
    public static class TopicMismatchException extends IllegalStateException {
        public TopicMismatchException(String message) {
            super(message);
        }
    }

    /**
     * Checks the topics beside the start, not on its path: the admin client's connection, login and
     * two requests took ~0.4 s of a service's ~5 s start (JFR, docs/benchmarks/platform-analysis.md),
     * and nothing at start needs them — the relay and every consumer call {@link #ensureTopics} before
     * they work and refuse to work on a mismatch, which this check logs as soon as it finds it.
     */
    void onStart(@Observes StartupEvent event) {
        Thread check = new Thread(() -> {
            try {
                ensureTopics();
            } catch (TopicMismatchException e) {
                LOG.errorf("the broker's topics do not match the event catalog; the relay and consumers will not work: %s",
                        e.getMessage());
            } catch (RuntimeException e) {
                LOG.warnf("could not check the catalog's topics at start (%s); the relay and consumers will check"
                        + " before they work", e.getMessage());
            }
        }, "topic-check");
        check.setDaemon(true);
        check.start();
    }

    /** What is wrong with the broker's topics, once a check has found it (null otherwise). */
    public String mismatch() {
        return mismatch;
    }

    /** Idempotent; cheap once it has succeeded. Throws while the broker is unreachable. */
    public void ensureTopics() {
        if (done) {
            return;
        }
        synchronized (this) {
            if (done) {
                return;
            }
            try (Admin admin = clients.admin()) {
                Set<String> existing = new java.util.HashSet<>(admin.listTopics().names().get(10, TimeUnit.SECONDS));
                if (config.topics().create()) {
                    create(admin, existing);
                }
                verifyPartitions(admin, existing);
                done = true;
            } catch (TopicMismatchException e) {
                mismatch = e.getMessage();
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while checking topics", e);
            } catch (Exception e) {
                throw new IllegalStateException("cannot check the catalog's topics: " + e.getMessage(), e);
            }
        }
    }

    private void create(Admin admin, Set<String> existing) throws Exception {
        List<NewTopic> missing = new ArrayList<>();
        for (TopicSpec t : catalog.topics()) {
            Map<String, String> topicConfig = Map.of("retention.ms", Long.toString(t.retentionMs()),
                    "cleanup.policy", t.cleanupPolicy());
            addIfMissing(missing, existing, clients.topic(t.name()), t.partitions(), topicConfig);
            // Dead letters are kept long: each needs a person to look at it.
            addIfMissing(missing, existing, clients.topic(t.deadLetterName()), 1,
                    Map.of("retention.ms", Long.toString(TimeUnit.DAYS.toMillis(90))));
        }
        for (NewTopic topic : missing) {
            try {
                admin.createTopics(List.of(topic)).all().get(10, TimeUnit.SECONDS);
                LOG.infof("created topic %s (%d partitions)", topic.name(), topic.numPartitions());
                existing.add(topic.name());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                existing.add(topic.name());
            }
        }
    }

    private void verifyPartitions(Admin admin, Set<String> existing) throws Exception {
        List<String> names = new ArrayList<>();
        for (TopicSpec t : catalog.topics()) {
            if (existing.contains(clients.topic(t.name()))) {
                names.add(clients.topic(t.name()));
            }
        }
        if (names.isEmpty()) {
            return;
        }
        Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS);
        List<String> wrong = new ArrayList<>();
        for (TopicSpec t : catalog.topics()) {
            TopicDescription d = described.get(clients.topic(t.name()));
            if (d != null && d.partitions().size() != t.partitions()) {
                wrong.add(d.name() + " has " + d.partitions().size() + " partitions, the catalog says " + t.partitions());
            }
        }
        if (!wrong.isEmpty()) {
            throw new TopicMismatchException(String.join("; ", wrong) + ". An aggregate's events would be spread over"
                    + " partitions and lose their order: restore the catalog's count (recreate the topic and replay), or"
                    + " change the catalog and migrate consumers first.");
        }
    }

    private void addIfMissing(List<NewTopic> missing, Set<String> existing, String name, int partitions,
            Map<String, String> topicConfig) {
        if (!existing.contains(name)) {
            missing.add(new NewTopic(name, partitions, config.topics().replicationFactor()).configs(topicConfig));
        }
    }
}
