package kz.prevention.k8s.generate;

import static kz.prevention.k8s.generate.YamlDocs.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;

import kz.prevention.devstack.kafka.EventCatalog;
import kz.prevention.devstack.kafka.TopicAccess;
import kz.prevention.k8s.model.Names;
import kz.prevention.k8s.model.ServiceSpec;

/**
 * Strimzi KafkaUsers (SCRAM-SHA-512) with the ACLs of {@link TopicAccess}, the catalog-derived
 * rule devstack's broker enforces too: owners write, consumers read and dead-letter, analysts
 * read only the pseudonymised stream. Services never create topics
 * (PREVENTION_EVENTING_TOPICS_CREATE=false): the topic operator does.
 */
public final class KafkaUsers {

    private KafkaUsers() {
    }

    public static List<Map<String, Object>> of(EventCatalog catalog, List<ServiceSpec> services) {
        TopicAccess.check(catalog, services.stream().map(ServiceSpec::name).toList());
        List<Map<String, Object>> users = new ArrayList<>();
        for (ServiceSpec s : services) {
            List<Map<String, Object>> acls = acls(TopicAccess.forService(catalog, s.name()));
            if (!acls.isEmpty()) {
                users.add(user(s.name(), "service", acls));
            }
        }
        users.add(user(TopicAccess.ANALYST_PRINCIPAL, "analysts", acls(TopicAccess.forAnalysts(catalog))));
        return users;
    }

    private static List<Map<String, Object>> acls(List<TopicAccess.Grant> grants) {
        List<Map<String, Object>> acls = new ArrayList<>();
        for (TopicAccess.Grant g : grants) {
            acls.add(map("resource", map("type", g.resourceType().name().toLowerCase(Locale.ROOT), "name", g.name(),
                    "patternType", g.pattern() == PatternType.PREFIXED ? "prefix" : "literal"),
                    "operations", g.operations().stream().map(KafkaUsers::strimziOperation).toList()));
        }
        return acls;
    }

    /** Strimzi spells operations in camel case: Write, Describe, Read. */
    private static String strimziOperation(AclOperation operation) {
        String name = operation.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static Map<String, Object> user(String name, String role, List<Map<String, Object>> acls) {
        return map("apiVersion", "kafka.strimzi.io/v1", "kind", "KafkaUser",
                "metadata", map("name", name, "labels", map("strimzi.io/cluster", Names.KAFKA_CLUSTER,
                        "app.kubernetes.io/part-of", Names.PART_OF, "prevention.kz/kafka-role", role)),
                "spec", map("authentication", map("type", "scram-sha-512"),
                        "authorization", map("type", "simple", "acls", acls)));
    }

    public static String file(EventCatalog catalog, List<ServiceSpec> services) {
        boolean analystTopic = catalog.topics().stream().anyMatch(t -> t.consumers().contains(TopicAccess.ANALYSTS_CONSUMER));
        String analystNote = analystTopic ? "" : """

                The catalog lists no topic consumed by 'analysts' yet (the pseudonymised stream
                prevention.analytics.pseudonymised, owned by reporting-service, is still to come), so the
                analyst user can read no topic until it does.
                """;
        return YamlDocs.write("""
                Generated from eventing/src/main/resources/eventing/catalog.json (catalog %s) and
                k8s/services.yaml by kz.prevention.k8s.generate.KafkaUsers (rule: devstack TopicAccess): do not edit. Owners write their
                topics; consumers read them, write their .dlt and use groups '<service>.'; the analyst reads
                only reporting-service's topics listed with consumer 'analysts'. Strimzi's user operator puts
                each user's SCRAM credentials (key sasl.jaas.config) in a Secret of the user's name.
                Regenerate: ./mvnw -pl k8s test -Dtest=GeneratedFilesTest -Dk8s.regenerate=true
                """.formatted(catalog.catalogVersion()) + analystNote, of(catalog, services));
    }
}
