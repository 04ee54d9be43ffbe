package kz.prevention.k8s.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import kz.prevention.k8s.model.Names;
import kz.prevention.k8s.model.Platform;
import kz.prevention.k8s.model.ServiceSpec;

/**
 * Everything one service needs in the base, from its line in services.yaml and the catalog:
 * ServiceAccount, Service, Deployment, PodDisruptionBudget, HorizontalPodAutoscaler and its
 * NetworkPolicy. Its ConfigMap comes from a Kustomize generator (base/services/&lt;name&gt;.env), so that
 * a changed value gets a new name and rolls the pods.
 *
 * <p>Why generated rather than written by hand or by quarkus-kubernetes: five near-identical
 * hardened workloads written by hand drift apart, and quarkus-kubernetes would have to be added to
 * every service's build and still writes neither NetworkPolicies derived from who calls whom and who
 * reads Kafka, nor the hardening this platform requires; Kustomize then composes the overlays.
 */
public final class ServiceManifests {

    private ServiceManifests() {
    }

    public static List<HasMetadata> of(Platform platform, ServiceSpec s) {
        boolean kafka = platform.isKafkaClient(s.name());
        Map<String, String> selector = new TreeMap<>(Map.of("app.kubernetes.io/name", s.name()));
        Map<String, String> podLabels = new LinkedHashMap<>();
        podLabels.put("app.kubernetes.io/name", s.name());
        podLabels.put("app.kubernetes.io/component", s.public_() ? "gateway" : "service");
        podLabels.put("app.kubernetes.io/part-of", Names.PART_OF);
        podLabels.put(Names.OIDC_CLIENT_LABEL, "true");
        if (kafka) {
            podLabels.put(Names.KAFKA_CLIENT_LABEL, "true");
        }
        if (s.hasDatabase()) {
            podLabels.put(Names.POSTGRES_CLIENT_LABEL, "true");
        }
        Map<String, String> labels = new TreeMap<>(Map.of("app.kubernetes.io/name", s.name(), "app.kubernetes.io/part-of",
                Names.PART_OF));
        List<HasMetadata> objects = new ArrayList<>();
        objects.add(new ServiceAccountBuilder().withNewMetadata().withName(s.name()).withLabels(labels).endMetadata()
                .withAutomountServiceAccountToken(false).build());
        objects.add(new ServiceBuilder().withNewMetadata().withName(s.name()).withLabels(labels).endMetadata()
                .withNewSpec().withType("ClusterIP").withSelector(selector)
                .addNewPort().withName("http").withPort(s.port()).withTargetPort(new IntOrString("http"))
                .withProtocol("TCP").endPort()
                .endSpec().build());
        objects.add(ServiceWorkload.deployment(s, kafka, selector, podLabels));
        objects.add(new PodDisruptionBudgetBuilder().withNewMetadata().withName(s.name()).withLabels(labels)
                .endMetadata().withNewSpec().withMaxUnavailable(new IntOrString(1))
                .withNewSelector().withMatchLabels(selector).endSelector().endSpec().build());
        objects.add(new HorizontalPodAutoscalerBuilder().withNewMetadata().withName(s.name()).withLabels(labels)
                .endMetadata().withNewSpec()
                .withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment").withName(s.name())
                .endScaleTargetRef()
                .withMinReplicas(2).withMaxReplicas(6)
                .addNewMetric().withType("Resource").withNewResource().withName("cpu").withNewTarget()
                .withType("Utilization").withAverageUtilization(70).endTarget().endResource().endMetric()
                .withNewBehavior().withNewScaleDown().withStabilizationWindowSeconds(300).endScaleDown()
                .endBehavior()
                .endSpec().build());
        objects.add(networkPolicy(platform, s, kafka, selector, labels));
        return objects;
    }

    private static HasMetadata networkPolicy(Platform platform, ServiceSpec s, boolean kafka,
            Map<String, String> selector, Map<String, String> labels) {
        List<NetworkPolicyIngressRule> ingress = new ArrayList<>();
        NetworkPolicyIngressRuleBuilder callers = new NetworkPolicyIngressRuleBuilder().withPorts(
                new NetworkPolicyPortBuilder().withProtocol("TCP").withPort(new IntOrString(s.port())).build());
        if (s.public_()) {
            callers.addNewFrom().withNamespaceSelector(namespace(Names.INGRESS_NAMESPACE))
                    .withPodSelector(labels("app.kubernetes.io/name", "ingress-nginx")).endFrom();
        }
        for (ServiceSpec caller : platform.services()) {
            if (caller.calls().contains(s.name())) {
                callers.addNewFrom().withPodSelector(labels("app.kubernetes.io/name", caller.name())).endFrom();
            }
        }
        if (!callers.buildFrom().isEmpty()) {
            ingress.add(callers.build());
        }
        // Prometheus scrapes /q/metrics on the service's port.
        ingress.add(new NetworkPolicyIngressRuleBuilder()
                .addNewFrom().withNamespaceSelector(namespace(Names.MONITORING_NAMESPACE)).endFrom()
                .withPorts(new NetworkPolicyPortBuilder().withProtocol("TCP").withPort(new IntOrString(s.port())).build())
                .build());

        List<NetworkPolicyEgressRule> egress = new ArrayList<>();
        egress.add(egressTo(labels("app", "keycloak", "app.kubernetes.io/instance", Names.KEYCLOAK),
                Names.KEYCLOAK_HTTP_PORT));
        if (s.hasDatabase()) {
            egress.add(egressTo(labels("cnpg.io/cluster", Names.DB_CLUSTER), 5432));
        }
        if (kafka) {
            egress.add(egressTo(labels("strimzi.io/cluster", Names.KAFKA_CLUSTER, "strimzi.io/broker-role", "true"),
                    9093));
        }
        for (String callee : s.calls()) {
            ServiceSpec target = platform.service(callee).orElseThrow(() -> new IllegalStateException(
                    s.name() + " calls " + callee + ", which is not in k8s/services.yaml"));
            egress.add(egressTo(labels("app.kubernetes.io/name", target.name()), target.port()));
        }
        return new NetworkPolicyBuilder().withNewMetadata().withName(s.name()).withLabels(labels).endMetadata()
                .withNewSpec().withNewPodSelector().withMatchLabels(selector).endPodSelector()
                .withPolicyTypes("Ingress", "Egress").withIngress(ingress).withEgress(egress).endSpec().build();
    }

    private static NetworkPolicyEgressRule egressTo(LabelSelector pods, int port) {
        return new NetworkPolicyEgressRuleBuilder()
                .withTo(new NetworkPolicyPeerBuilder().withPodSelector(pods).build())
                .withPorts(new NetworkPolicyPortBuilder().withProtocol("TCP").withPort(new IntOrString(port)).build())
                .build();
    }

    private static LabelSelector namespace(String name) {
        return labels("kubernetes.io/metadata.name", name);
    }

    private static LabelSelector labels(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return new LabelSelectorBuilder().withMatchLabels(m).build();
    }

    /** The service's own settings, as a Kustomize env file (base/services/&lt;name&gt;.env). */
    public static String envFile(Platform platform, ServiceSpec s) {
        StringBuilder env = new StringBuilder();
        env.append("# Generated from k8s/services.yaml by kz.prevention.k8s.generate.ServiceManifests: do not edit.\n");
        env.append("QUARKUS_HTTP_PORT=").append(s.port()).append('\n');
        if (s.hasDatabase()) {
            env.append("QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://").append(Names.DB_RW_SERVICE).append(":5432/")
                    .append(s.database()).append("?sslmode=verify-full&sslrootcert=").append(ServiceWorkload.DB_CA_DIR)
                    .append("/ca.crt\n");
            // 10 per replica is ample (a request holds a connection for milliseconds) and keeps the
            // autoscalers' maximum under PostgreSQL's max_connections (docs/deploy/capacity.md).
            env.append("QUARKUS_DATASOURCE_JDBC_MAX_SIZE=10\n");
        }
        // Where each service it calls answers: <NAME>_URL, the variables the services read (as devstack sets them).
        for (String callee : s.calls()) {
            env.append(callee.toUpperCase().replace('-', '_')).append("_URL=http://").append(callee).append(':')
                    .append(platform.service(callee).orElseThrow().port()).append('\n');
        }
        // The heap follows the container's memory limit; a JVM out of memory exits and is restarted. The
        // native heap is trimmed every 5 s as devstack does (glibc kept 21-40 MB per service that the JIT and
        // class loading had freed: docs/benchmarks/platform-analysis.md); Java 17.0.9+ and 21+ know the flag.
        env.append("JAVA_TOOL_OPTIONS=-XX:MaxRAMPercentage=70 -XX:TrimNativeHeapInterval=5000 -XX:+ExitOnOutOfMemoryError\n");
        return env.toString();
    }
}
