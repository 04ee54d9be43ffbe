package kz.prevention.devstack.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what on the broker, derived from the event catalog alone — the one rule behind
 * devstack's ACLs and the Strimzi KafkaUsers in k8s/:
 * <ul>
 * <li>a topic's {@code owner} writes it (and nobody else: a forged event cannot be published);</li>
 * <li>each of its {@code consumers} reads it, writes its {@code .dlt} (the inbox dead-letters there)
 * and uses consumer groups named {@code <service>.<handler>} (eventing's KafkaClients), so the
 * group grant is the prefix {@code <service>.};</li>
 * <li>{@code analysts} read only topics owned by the pseudonymising reporting-service: a catalog
 * listing them on any other topic is refused rather than turned into a grant that would show
 * analysts personal data.</li>
 * </ul>
 * Services never create topics: devstack (or Strimzi's topic operator) does, as administrator.
 */
public final class TopicAccess {

    /** The catalog's name for the analysts' consumer, and the principal made for them. */
    public static final String ANALYSTS_CONSUMER = "analysts";
    public static final String ANALYST_PRINCIPAL = "analyst";
    /** The one service whose topics analysts may read (it pseudonymises what it publishes). */
    public static final String PSEUDONYMISING_SERVICE = "reporting-service";

    /** One permission: operations on a resource, literal or by name prefix. */
    public record Grant(ResourceType resourceType, String name, PatternType pattern, List<AclOperation> operations) {
        public Grant {
            operations = List.copyOf(operations);
        }
    }

    private TopicAccess() {
    }

    /** Fails (naming the fix) when the catalog names an unknown owner or consumer, or misplaces analysts. */
    public static void check(EventCatalog catalog, Collection<String> services) {
        for (CatalogTopic t : catalog.topics()) {
            require(services.contains(t.owner()), "topic " + t.name() + " is owned by " + t.owner()
                    + ", which is not one of the platform's services " + services);
            for (String c : t.consumers()) {
                require(services.contains(c) || c.equals(ANALYSTS_CONSUMER), "topic " + t.name() + " lists consumer "
                        + c + ", neither a service " + services + " nor '" + ANALYSTS_CONSUMER + "'");
                require(!c.equals(ANALYSTS_CONSUMER) || t.owner().equals(PSEUDONYMISING_SERVICE), "topic " + t.name()
                        + " lists analysts as consumers but is owned by " + t.owner()
                        + ": analysts may read only " + PSEUDONYMISING_SERVICE + "'s pseudonymised stream");
            }
        }
    }

    /** What a service may do: write what it owns, read what it consumes. Empty for a service outside the catalog. */
    public static List<Grant> forService(EventCatalog catalog, String service) {
        List<Grant> grants = new ArrayList<>();
        boolean consumes = false;
        for (CatalogTopic t : catalog.topics()) {
            if (t.owner().equals(service)) {
                grants.add(topic(t.name(), AclOperation.WRITE, AclOperation.DESCRIBE));
            }
            if (t.consumers().contains(service)) {
                consumes = true;
                grants.add(topic(t.name(), AclOperation.READ, AclOperation.DESCRIBE));
                grants.add(topic(t.deadLetterName(), AclOperation.WRITE, AclOperation.DESCRIBE));
            }
        }
        if (consumes) {
            grants.add(groups(service + "."));
        }
        return grants;
    }

    /** What analysts may do: read the topics listing them, in groups they name under their prefix. */
    public static List<Grant> forAnalysts(EventCatalog catalog) {
        List<Grant> grants = new ArrayList<>();
        for (CatalogTopic t : catalog.topics()) {
            if (t.consumers().contains(ANALYSTS_CONSUMER)) {
                grants.add(topic(t.name(), AclOperation.READ, AclOperation.DESCRIBE));
            }
        }
        grants.add(groups(ANALYST_PRINCIPAL + "."));
        return grants;
    }

    private static Grant topic(String name, AclOperation... operations) {
        return new Grant(ResourceType.TOPIC, name, PatternType.LITERAL, List.of(operations));
    }

    private static Grant groups(String prefix) {
        return new Grant(ResourceType.GROUP, prefix, PatternType.PREFIXED, List.of(AclOperation.READ, AclOperation.DESCRIBE));
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message + " (fix " + EventCatalog.PATH + ")");
        }
    }
}
