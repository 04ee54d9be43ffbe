package kz.prevention.eventing.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

import kz.prevention.eventing.catalog.EventCatalog;
import kz.prevention.eventing.catalog.TopicSpec;
import kz.prevention.eventing.config.EventingConfig;

/**
 * Creates the catalog's topics and their dead-letter topics when missing (the broker does not
 * auto-create). Every service creates all of them, so none depends on which service started
 * first; on Kubernetes the same declarations become Strimzi KafkaTopic resources.
 */
@ApplicationScoped
public class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    private final EventCatalog catalog;
    private final KafkaClients clients;
    private final EventingConfig config;
    private volatile boolean done;

    @Inject
    public TopicProvisioner(EventCatalog catalog, KafkaClients clients, EventingConfig config) {
        this.catalog = catalog;
        this.clients = clients;
        this.config = config;
    }

    /** Idempotent; cheap once it has succeeded. Throws while the broker is unreachable. */
    public void ensureTopics() {
        if (done || !config.topics().create()) {
            return;
        }
        synchronized (this) {
            if (done) {
                return;
            }
            try (Admin admin = clients.admin()) {
                Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
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
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw e;
                        }
                    }
                }
                done = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating topics", e);
            } catch (Exception e) {
                throw new IllegalStateException("cannot create the catalog's topics: " + e.getMessage(), e);
            }
        }
    }

    private void addIfMissing(List<NewTopic> missing, Set<String> existing, String name, int partitions,
            Map<String, String> topicConfig) {
        if (!existing.contains(name)) {
            missing.add(new NewTopic(name, partitions, config.topics().replicationFactor()).configs(topicConfig));
        }
    }
}
