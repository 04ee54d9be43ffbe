package kz.prevention.devstack.kafka;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.ResourcePattern;

/**
 * Makes a secured broker what the catalog says, as its administrator: each principal's SCRAM
 * credential, the catalog's topics and dead-letter topics, and the ACLs of {@link TopicAccess}.
 * Idempotent: run at every {@code up}; a principal's password is set again, an existing topic or
 * ACL is left as it is.
 */
public final class BrokerProvisioner {

    /** Dead letters are kept long: each needs a person to look at it (as eventing's TopicProvisioner). */
    private static final long DEAD_LETTER_RETENTION_MS = TimeUnit.DAYS.toMillis(90);
    private static final int SCRAM_ITERATIONS = 8192;

    private final KafkaCredentials admin;

    public BrokerProvisioner(KafkaCredentials admin) {
        this.admin = admin;
    }

    /**
     * @param services the platform's services that use Kafka
     * @param passwords each principal's password: every service in {@code services} and the analyst
     */
    public void provision(EventCatalog catalog, List<String> services, Map<String, String> passwords) throws Exception {
        TopicAccess.check(catalog, services);
        try (Admin client = Admin.create(admin.clientProperties())) {
            credentials(client, passwords);
            topics(client, catalog);
            List<AclBinding> acls = new ArrayList<>();
            for (String service : services) {
                acls.addAll(bindings(service, TopicAccess.forService(catalog, service)));
            }
            acls.addAll(bindings(TopicAccess.ANALYST_PRINCIPAL, TopicAccess.forAnalysts(catalog)));
            client.createAcls(acls).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static void credentials(Admin client, Map<String, String> passwords) throws Exception {
        List<org.apache.kafka.clients.admin.UserScramCredentialAlteration> upserts = new ArrayList<>();
        passwords.forEach((user, password) -> upserts.add(new UserScramCredentialUpsertion(user,
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password)));
        client.alterUserScramCredentials(upserts).all().get(30, TimeUnit.SECONDS);
    }

    private static void topics(Admin client, EventCatalog catalog) throws Exception {
        Set<String> existing = new HashSet<>(client.listTopics().names().get(30, TimeUnit.SECONDS));
        List<NewTopic> missing = new ArrayList<>();
        for (CatalogTopic t : catalog.topics()) {
            if (!existing.contains(t.name())) {
                missing.add(new NewTopic(t.name(), t.partitions(), (short) 1).configs(Map.of(
                        "retention.ms", Long.toString(t.retentionMs()), "cleanup.policy", t.cleanupPolicy())));
            }
            if (!existing.contains(t.deadLetterName())) {
                missing.add(new NewTopic(t.deadLetterName(), 1, (short) 1)
                        .configs(Map.of("retention.ms", Long.toString(DEAD_LETTER_RETENTION_MS))));
            }
        }
        for (NewTopic topic : missing) {
            try {
                client.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    /** One binding per (resource, operation): a service that owns and consumes a topic describes it once. */
    static List<AclBinding> bindings(String principal, List<TopicAccess.Grant> grants) {
        Set<AclBinding> bindings = new java.util.LinkedHashSet<>();
        for (TopicAccess.Grant g : grants) {
            for (AclOperation op : g.operations()) {
                bindings.add(new AclBinding(new ResourcePattern(g.resourceType(), g.name(), g.pattern()),
                        new AccessControlEntry("User:" + principal, "*", op, AclPermissionType.ALLOW)));
            }
        }
        return List.copyOf(bindings);
    }
}
