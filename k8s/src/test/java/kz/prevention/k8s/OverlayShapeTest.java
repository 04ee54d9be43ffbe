package kz.prevention.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import kz.prevention.k8s.model.Platform.Environment;
import kz.prevention.k8s.model.ServiceSpec;
import kz.prevention.k8s.validate.RenderedObject;

/** What each overlay deploys, and that the hand-written and generated parts agree. */
class OverlayShapeTest {

    @Test
    void prodRunsThreeControllersThreeBrokersAndThreePostgresInstances() {
        assertThat(nodePools("prod")).containsExactlyInAnyOrder("controllers [controller] x3", "brokers [broker] x3");
        assertThat(Rendered.ofKind("prod", "Cluster").get(0).tree().path("spec").path("instances").asInt()).isEqualTo(3);
        assertThat(Rendered.ofKind("prod", "Kafka").get(0).tree().path("spec").path("kafka").path("config")
                .path("min.insync.replicas").asInt()).isEqualTo(2);
    }

    @Test
    void devRunsOneOfEverything() {
        assertThat(nodePools("dev")).containsExactly("dual [controller, broker] x1");
        assertThat(Rendered.ofKind("dev", "Cluster").get(0).tree().path("spec").path("instances").asInt()).isEqualTo(1);
        Rendered.ofKind("dev", "HorizontalPodAutoscaler")
                .forEach(h -> assertThat(h.tree().path("spec").path("minReplicas").asInt()).isEqualTo(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachServiceHasItsDatabaseAndRoleAndItsWholeSetOfObjects(String overlay) {
        JsonNode roles = Rendered.ofKind(overlay, "Cluster").get(0).tree().path("spec").path("managed").path("roles");
        List<String> databases = Rendered.ofKind(overlay, "Database").stream()
                .map(d -> d.tree().path("spec").path("name").asText() + "/" + d.tree().path("spec").path("owner").asText())
                .toList();
        for (ServiceSpec s : Checkout.PLATFORM.services()) {
            for (String kind : List.of("Deployment", "Service", "ServiceAccount", "PodDisruptionBudget",
                    "HorizontalPodAutoscaler", "NetworkPolicy")) {
                assertThat(Rendered.ofKind(overlay, kind)).extracting(RenderedObject::name).as(kind).contains(s.name());
            }
            assertThat(Rendered.ofKind(overlay, "ConfigMap")).extracting(RenderedObject::name)
                    .anyMatch(n -> n.startsWith(s.name() + "-config-"));
            if (s.hasDatabase()) {
                assertThat(databases).contains(s.database() + "/" + s.database());
                assertThat(roles.findValuesAsText("name")).contains(s.database());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void onlyTheGatewayIsReachableFromTheIngressAndServicesReachOnlyTheirInfrastructure(String overlay) {
        // Besides their infrastructure, a service reaches only the services services.yaml says it calls
        // (the gateway all of them; commission-service the registry's narrow IIN check).
        for (RenderedObject o : Rendered.ofKind(overlay, "NetworkPolicy")) {
            NetworkPolicy p = o.as(NetworkPolicy.class);
            boolean fromIngress = p.getSpec().getIngress().stream().flatMap(r -> r.getFrom().stream())
                    .anyMatch(peer -> peer.getNamespaceSelector() != null && "ingress-nginx".equals(
                            peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name")));
            if (Checkout.PLATFORM.service(o.name()).isPresent()) {
                assertThat(fromIngress).as(o.id() + " admits the ingress controller").isEqualTo(o.name().equals("gateway"));
                assertThat(egressTargets(p)).as(o.id()).isNotEmpty().allMatch(t -> t.contains("cnpg.io/cluster=prevention-db")
                        || t.contains("strimzi.io/cluster=prevention") || t.contains("app=keycloak")
                        || calls(o.name()).contains(t));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void publicHostsAgreeWithEnvironmentsYaml(String overlay) {
        Environment env = Checkout.PLATFORM.environment(overlay);
        List<String> hosts = new ArrayList<>();
        Rendered.ofKind(overlay, "Ingress").forEach(i -> {
            hosts.addAll(i.tree().path("spec").path("rules").findValuesAsText("host"));
            i.tree().path("spec").path("tls").forEach(t -> t.path("hosts").forEach(h -> hosts.add(h.asText())));
        });
        assertThat(new TreeSet<>(hosts)).containsExactlyInAnyOrder(env.host(), env.authHost());
        assertThat(Rendered.ofKind(overlay, "Keycloak").get(0).tree().path("spec").path("hostname").path("hostname")
                .asText()).isEqualTo("https://" + env.authHost());
        assertThat(Rendered.ofKind(overlay, "ConfigMap").stream().filter(c -> c.name().startsWith("platform-oidc-"))
                .map(c -> c.tree().path("data").path("QUARKUS_OIDC_TOKEN_ISSUER").asText()).toList())
                .containsExactly("https://" + env.authHost() + "/realms/prevention");
    }

    /** The Secrets the Deployments read: made by operators from objects in the render, or listed in k8s/README.md. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everySecretADeploymentReadsIsMadeByAnOperatorOrDocumented(String overlay) {
        Set<String> operatorMade = new TreeSet<>();
        Rendered.ofKind(overlay, "KafkaUser").forEach(u -> operatorMade.add(u.name()));
        Rendered.ofKind(overlay, "Kafka").forEach(k -> operatorMade.add(k.name() + "-cluster-ca-cert"));
        Rendered.ofKind(overlay, "Cluster").forEach(c -> operatorMade.add(c.name() + "-ca"));
        Set<String> read = new TreeSet<>();
        for (RenderedObject o : Rendered.ofKind(overlay, "Deployment")) {
            var pod = o.as(Deployment.class).getSpec().getTemplate().getSpec();
            pod.getVolumes().stream().filter(v -> v.getSecret() != null).forEach(v -> read.add(v.getSecret().getSecretName()));
            pod.getContainers().forEach(c -> c.getEnv().stream().map(EnvVar::getValueFrom)
                    .filter(v -> v != null && v.getSecretKeyRef() != null)
                    .forEach(v -> read.add(v.getSecretKeyRef().getName())));
        }
        read.removeAll(operatorMade);

        assertThat(read).containsExactlyInAnyOrder("prevention-db-registry", "prevention-db-measures",
                "prevention-db-commission", "prevention-db-reporting", "gateway-oidc", "registry-service-oidc",
                "measures-service-oidc", "commission-service-oidc", "reporting-service-oidc",
                // Each service's audit MAC key (persistence-commons refuses to start without it).
                "registry-service-audit-key", "measures-service-audit-key", "commission-service-audit-key",
                "reporting-service-audit-key", "reporting-service-pseudonym-key");
        String readme = Checkout.readme();
        read.forEach(secret -> assertThat(readme).as("k8s/README.md documents " + secret).contains(secret));
    }

    /** The rehearsal-only date offset (platform-commons' Today) is never configured in a cluster. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noOverlayMovesTheServicesDate(String overlay) {
        for (String kind : List.of("ConfigMap", "Deployment")) {
            Rendered.ofKind(overlay, kind).forEach(o -> assertThat(o.tree().toString()).as(o.id())
                    .doesNotContain("PREVENTION_DATE_OFFSET").doesNotContain("prevention.date-offset"));
        }
    }

    private static List<String> nodePools(String overlay) {
        return Rendered.ofKind(overlay, "KafkaNodePool").stream()
                .map(p -> p.name() + " " + rolesOf(p) + " x" + p.tree().path("spec").path("replicas").asInt()).toList();
    }

    private static String rolesOf(RenderedObject pool) {
        List<String> roles = new ArrayList<>();
        pool.tree().path("spec").path("roles").forEach(r -> roles.add(r.asText()));
        return roles.toString();
    }

    private static List<String> egressTargets(NetworkPolicy p) {
        List<String> targets = new ArrayList<>();
        p.getSpec().getEgress().forEach(rule -> {
            for (NetworkPolicyPeer peer : rule.getTo()) {
                targets.add(peer.getPodSelector() == null || peer.getNamespaceSelector() != null || peer.getIpBlock() != null
                        ? "outside the namespace: " + peer
                        : new TreeSet<>(peer.getPodSelector().getMatchLabels().entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue()).toList()).toString());
            }
        });
        return targets;
    }

    private static List<String> calls(String service) {
        return Checkout.PLATFORM.service(service).orElseThrow().calls().stream()
                .map(c -> "[app.kubernetes.io/name=" + c + "]").toList();
    }
}
