package kz.prevention.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import kz.prevention.k8s.generate.KafkaUsers;
import kz.prevention.devstack.kafka.CatalogTopic;
import kz.prevention.devstack.kafka.EventCatalog;

/** ACLs derived from the catalog's owners and consumers; analysts limited to the pseudonymised stream. */
class KafkaUsersTest {

    private static final CatalogTopic ENTRIES = new CatalogTopic("prevention.registry.entries", 6, -1, "delete",
            "registry-service", List.of("measures-service", "reporting-service"));
    private static final CatalogTopic PSEUDONYMISED = new CatalogTopic("prevention.analytics.pseudonymised", 6, -1,
            "delete", "reporting-service", List.of("analysts"));

    @Test
    void theOwnerWritesAndEachConsumerReadsDeadLettersAndUsesItsGroupPrefix() {
        var users = users(new EventCatalog("t", List.of(ENTRIES)));

        assertThat(acls(users, "registry-service")).containsExactly(
                "topic prevention.registry.entries literal [Write, Describe]");
        assertThat(acls(users, "measures-service")).containsExactly(
                "topic prevention.registry.entries literal [Read, Describe]",
                "topic prevention.registry.entries.dlt literal [Write, Describe]",
                "group measures-service. prefix [Read, Describe]");
        assertThat(users).extracting(u -> name(u)).doesNotContain("gateway", "commission-service");
    }

    @Test
    void analystsReadOnlyTheTopicsReportingPublishesForThem() {
        var users = users(new EventCatalog("t", List.of(ENTRIES, PSEUDONYMISED)));

        assertThat(acls(users, "analyst")).containsExactly(
                "topic prevention.analytics.pseudonymised literal [Read, Describe]",
                "group analyst. prefix [Read, Describe]");
        assertThat(acls(users, "reporting-service")).contains(
                "topic prevention.analytics.pseudonymised literal [Write, Describe]");
    }

    @Test
    void todaysCatalogGivesTheAnalystOnlyThePseudonymisedStream() {
        var users = KafkaUsers.of(Checkout.PLATFORM.catalog(), Checkout.PLATFORM.services());

        assertThat(acls(users, "analyst")).containsExactly(
                "topic prevention.analytics.pseudonymised literal [Read, Describe]",
                "group analyst. prefix [Read, Describe]");
    }

    @Test
    void analystsListedOnATopicWithPersonalDataAreRefused() {
        var leaky = new CatalogTopic("prevention.registry.persons", 3, -1, "delete", "registry-service",
                List.of("analysts"));

        assertThatThrownBy(() -> users(new EventCatalog("t", List.of(leaky))))
                .hasMessageContaining("analysts may read only reporting-service's pseudonymised stream");
    }

    @Test
    void aConsumerThatIsNoServiceIsRefused() {
        var odd = new CatalogTopic("prevention.registry.entries", 6, -1, "delete", "registry-service",
                List.of("registry-servcie"));

        assertThatThrownBy(() -> users(new EventCatalog("t", List.of(odd))))
                .hasMessageContaining("lists consumer registry-servcie, neither a service");
    }

    private static List<Map<String, Object>> users(EventCatalog catalog) {
        return KafkaUsers.of(catalog, Checkout.PLATFORM.services());
    }

    @SuppressWarnings("unchecked")
    private static String name(Map<String, Object> user) {
        return (String) ((Map<String, Object>) user.get("metadata")).get("name");
    }

    @SuppressWarnings("unchecked")
    private static List<String> acls(List<Map<String, Object>> users, String user) {
        Map<String, Object> u = users.stream().filter(x -> name(x).equals(user)).findFirst().orElseThrow();
        Map<String, Object> authorization = (Map<String, Object>) ((Map<String, Object>) u.get("spec")).get("authorization");
        return ((List<Map<String, Object>>) authorization.get("acls")).stream().map(acl -> {
            Map<String, Object> r = (Map<String, Object>) acl.get("resource");
            return r.get("type") + " " + r.get("name") + " " + r.get("patternType") + " " + acl.get("operations");
        }).toList();
    }
}
