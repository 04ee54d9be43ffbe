package kz.prevention.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import kz.prevention.k8s.validate.Violation;

/**
 * The validator can fail: each test breaks one thing in the valid dev render (or renders a broken
 * overlay through Kustomize) and expects the violation that names it.
 */
class ValidatorRejectsTest {

    private static final String DEV = Rendered.yaml("dev");

    @Test
    void aMisspeltFieldInABuiltInKindIsRefused() {
        String yaml = Mutations.edit(DEV, "Deployment", "registry-service", d -> {
            ObjectNode c = Mutations.container(d);
            c.set("readinesProbe", c.remove("readinessProbe"));
        });

        assertThat(messages(yaml)).contains(
                "Deployment/registry-service: unknown field 'readinesProbe' at spec.template.spec.containers[0]"
                        + " (misspelt, or not in apps/v1)",
                "Deployment/registry-service container registry-service: has no readinessProbe");
    }

    @Test
    void aMisspeltFieldInACustomResourceIsRefused() {
        String yaml = Mutations.edit(DEV, "KafkaTopic", "prevention.registry.entries", t -> {
            ObjectNode spec = (ObjectNode) t.get("spec");
            spec.set("partiton", spec.remove("partitions"));
        });

        assertThat(messages(yaml)).anySatisfy(m -> assertThat(m)
                .startsWith("KafkaTopic/prevention.registry.entries: ").contains("partiton"));
    }

    @Test
    void aMisspeltFieldInAnOverlayRenderedByKustomizeIsRefused() {
        String yaml = Kustomize.build(Checkout.K8S.resolve("src/test/resources/broken-overlays/misspelt-field"));

        assertThat(messages(yaml)).contains(
                "Deployment/gateway: unknown field 'runAsNonroot' at spec.template.spec.containers[0].securityContext"
                        + " (misspelt, or not in apps/v1)");
    }

    @Test
    void aDeploymentWithoutAStartupProbeIsRefused() {
        String yaml = Mutations.edit(DEV, "Deployment", "measures-service",
                d -> Mutations.container(d).remove("startupProbe"));

        assertThat(messages(yaml)).containsExactly(
                "Deployment/measures-service container measures-service: has no startupProbe");
    }

    @Test
    void aDeploymentThatMayRunAsRootWithoutLimitsIsRefused() {
        String yaml = Mutations.edit(DEV, "Deployment", "gateway", d -> {
            ObjectNode c = Mutations.container(d);
            ((ObjectNode) c.get("securityContext")).remove("runAsNonRoot");
            ((ObjectNode) d.path("spec").path("template").path("spec").path("securityContext")).remove("runAsNonRoot");
            ((ObjectNode) c.get("resources")).remove("limits");
            ((ObjectNode) c.get("securityContext")).put("readOnlyRootFilesystem", false);
        });

        assertThat(messages(yaml)).containsExactlyInAnyOrder(
                "Deployment/gateway container gateway: may run as root (runAsNonRoot is not true)",
                "Deployment/gateway container gateway: has no cpu limit",
                "Deployment/gateway container gateway: has no memory limit",
                "Deployment/gateway container gateway: has a writable root file system (readOnlyRootFilesystem is not true)");
    }

    @Test
    void aTopicNotInTheCatalogIsRefused() {
        String yaml = Mutations.append(DEV, """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata:
                  name: prevention.registry.shadow
                  namespace: prevention-dev
                  labels: {strimzi.io/cluster: prevention}
                spec:
                  partitions: 3
                """);

        assertThat(messages(yaml)).containsExactly("KafkaTopic/prevention.registry.shadow: topic"
                + " prevention.registry.shadow is not in the event catalog"
                + " (eventing/src/main/resources/eventing/catalog.json); declare it there and regenerate");
    }

    @Test
    void aCatalogTopicWithoutKafkaTopicOrWithOtherPartitionsIsRefused() {
        String yaml = Mutations.remove(DEV, "KafkaTopic", "prevention.commission.decisions.dlt");
        yaml = Mutations.edit(yaml, "KafkaTopic", "prevention.registry.persons",
                t -> ((ObjectNode) t.get("spec")).put("partitions", 12));

        assertThat(messages(yaml)).containsExactlyInAnyOrder(
                "KafkaTopic/prevention.commission.decisions.dlt: the catalog declares it but no KafkaTopic does",
                "KafkaTopic/prevention.registry.persons: partitions 12, catalog says 3");
    }

    @Test
    void aSecretWithValuesIsRefused() {
        String yaml = Mutations.append(DEV, """
                apiVersion: v1
                kind: Secret
                metadata: {name: prevention-db-registry}
                stringData: {username: registry, password: registry}
                """);

        assertThat(messages(yaml)).containsExactly("Secret/prevention-db-registry: carries secret values;"
                + " reference a Secret created at deployment or by an operator instead (k8s/README.md)");
    }

    @Test
    void aServiceWithoutItsNetworkPolicyOrWithoutDefaultDenyIsRefused() {
        String yaml = Mutations.remove(DEV, "NetworkPolicy", "reporting-service");
        yaml = Mutations.remove(yaml, "NetworkPolicy", "default-deny-all");

        assertThat(messages(yaml)).containsExactlyInAnyOrder(
                "Deployment/reporting-service: no NetworkPolicy selects its pods",
                "NetworkPolicy/*: no default-deny policy (empty podSelector, Ingress and Egress, no rules)");
    }

    @Test
    void aKindNoCrdDescribesIsRefused() {
        String yaml = Mutations.append(DEV, """
                apiVersion: postgresql.cnpg.io/v1
                kind: ScheduledBackup
                metadata: {name: nightly}
                spec: {schedule: "0 0 1 * * *", cluster: {name: prevention-db}}
                """);

        assertThat(messages(yaml)).containsExactly("ScheduledBackup/nightly: postgresql.cnpg.io/v1 ScheduledBackup"
                + " is neither a built-in kind nor a custom resource of the CRDs in k8s/crds");
    }

    private static List<String> messages(String yaml) {
        return Rendered.VALIDATOR.validate(yaml).stream().map(Violation::toString).toList();
    }
}
