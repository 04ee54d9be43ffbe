package kz.prevention.k8s.generate;

import static kz.prevention.k8s.generate.YamlDocs.map;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kz.prevention.k8s.model.CatalogTopic;
import kz.prevention.k8s.model.EventCatalog;
import kz.prevention.k8s.model.Names;
import kz.prevention.k8s.model.ServiceSpec;

/**
 * Strimzi KafkaUsers (SCRAM-SHA-512) with ACLs derived from the catalog alone:
 * <ul>
 * <li>a topic's {@code owner} writes it;</li>
 * <li>each of its {@code consumers} reads it, writes its {@code .dlt} (the inbox dead-letters there)
 * and uses consumer groups named {@code <service>.<handler>} (eventing's KafkaClients), so the
 * group ACL is the prefix {@code <service>.};</li>
 * <li>{@code analysts} read only topics owned by the pseudonymising reporting-service (the
 * {@code prevention.analytics.pseudonymised} stream): a catalog listing them on any other topic is
 * refused here rather than turned into an ACL that would show analysts personal data.</li>
 * </ul>
 * Services never create topics (PREVENTION_EVENTING_TOPICS_CREATE=false): the topic operator does.
 */
public final class KafkaUsers {

    private KafkaUsers() {
    }

    public static List<Map<String, Object>> of(EventCatalog catalog, List<ServiceSpec> services) {
        Set<String> known = new LinkedHashSet<>();
        services.forEach(s -> known.add(s.name()));
        for (CatalogTopic t : catalog.topics()) {
            require(known.contains(t.owner()), "topic " + t.name() + " is owned by " + t.owner()
                    + ", which is not a service in k8s/services.yaml");
            for (String c : t.consumers()) {
                require(known.contains(c) || c.equals(Names.ANALYSTS_CONSUMER), "topic " + t.name()
                        + " lists consumer " + c + ", neither a service in k8s/services.yaml nor '"
                        + Names.ANALYSTS_CONSUMER + "'");
                require(!c.equals(Names.ANALYSTS_CONSUMER) || t.owner().equals(Names.PSEUDONYMISING_SERVICE),
                        "topic " + t.name() + " lists analysts as consumers but is owned by " + t.owner()
                                + ": analysts may read only " + Names.PSEUDONYMISING_SERVICE
                                + "'s pseudonymised stream");
            }
        }
        List<Map<String, Object>> users = new ArrayList<>();
        for (ServiceSpec s : services) {
            List<Map<String, Object>> acls = serviceAcls(catalog, s.name());
            if (!acls.isEmpty()) {
                users.add(user(s.name(), "service", acls));
            }
        }
        users.add(user(Names.ANALYST_USER, "analysts", analystAcls(catalog)));
        return users;
    }

    private static List<Map<String, Object>> serviceAcls(EventCatalog catalog, String service) {
        List<Map<String, Object>> acls = new ArrayList<>();
        boolean consumes = false;
        for (CatalogTopic t : catalog.topics()) {
            if (t.owner().equals(service)) {
                acls.add(acl("topic", t.name(), "literal", "Write", "Describe"));
            }
            if (t.consumers().contains(service)) {
                consumes = true;
                acls.add(acl("topic", t.name(), "literal", "Read", "Describe"));
                acls.add(acl("topic", t.deadLetterName(), "literal", "Write", "Describe"));
            }
        }
        if (consumes) {
            acls.add(acl("group", service + ".", "prefix", "Read", "Describe"));
        }
        return acls;
    }

    private static List<Map<String, Object>> analystAcls(EventCatalog catalog) {
        List<Map<String, Object>> acls = new ArrayList<>();
        for (CatalogTopic t : catalog.topics()) {
            if (t.consumers().contains(Names.ANALYSTS_CONSUMER)) {
                acls.add(acl("topic", t.name(), "literal", "Read", "Describe"));
            }
        }
        // Analysts name their own consumer groups; all under their prefix.
        acls.add(acl("group", Names.ANALYST_USER + ".", "prefix", "Read", "Describe"));
        return acls;
    }

    private static Map<String, Object> acl(String type, String name, String pattern, String... operations) {
        return map("resource", map("type", type, "name", name, "patternType", pattern),
                "operations", List.of(operations));
    }

    private static Map<String, Object> user(String name, String role, List<Map<String, Object>> acls) {
        return map("apiVersion", "kafka.strimzi.io/v1", "kind", "KafkaUser",
                "metadata", map("name", name, "labels", map("strimzi.io/cluster", Names.KAFKA_CLUSTER,
                        "app.kubernetes.io/part-of", Names.PART_OF, "prevention.kz/kafka-role", role)),
                "spec", map("authentication", map("type", "scram-sha-512"),
                        "authorization", map("type", "simple", "acls", acls)));
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message + " (fix eventing/src/main/resources/eventing/catalog.json)");
        }
    }

    public static String file(EventCatalog catalog, List<ServiceSpec> services) {
        boolean analystTopic = catalog.topics().stream().anyMatch(t -> t.consumers().contains(Names.ANALYSTS_CONSUMER));
        String analystNote = analystTopic ? "" : """

                The catalog lists no topic consumed by 'analysts' yet (the pseudonymised stream
                prevention.analytics.pseudonymised, owned by reporting-service, is still to come), so the
                analyst user can read no topic until it does.
                """;
        return YamlDocs.write("""
                Generated from eventing/src/main/resources/eventing/catalog.json (catalog %s) and
                k8s/services.yaml by kz.prevention.k8s.generate.KafkaUsers: do not edit. Owners write their
                topics; consumers read them, write their .dlt and use groups '<service>.'; the analyst reads
                only reporting-service's topics listed with consumer 'analysts'. Strimzi's user operator puts
                each user's SCRAM credentials (key sasl.jaas.config) in a Secret of the user's name.
                Regenerate: ./mvnw -pl k8s test -Dtest=GeneratedFilesTest -Dk8s.regenerate=true
                """.formatted(catalog.catalogVersion()) + analystNote, of(catalog, services));
    }
}
