package kz.prevention.k8s.validate;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import kz.prevention.devstack.kafka.CatalogTopic;
import kz.prevention.devstack.kafka.EventCatalog;

/**
 * Rules across objects: no Secret carries values; the namespace denies all traffic by default and
 * every Deployment's pods have a NetworkPolicy of their own; the KafkaTopics are exactly the
 * catalog's (and its dead-letter topics) with the catalog's partitions and retention; the ConfigMaps
 * the Deployments name exist under the name Kustomize gave them.
 */
final class PlatformPolicy {

    private PlatformPolicy() {
    }

    static void check(List<RenderedObject> objects, EventCatalog catalog, List<Violation> violations) {
        secrets(objects, violations);
        networkPolicies(objects, violations);
        topics(objects, catalog, violations);
        configMapReferences(objects, violations);
    }

    private static void secrets(List<RenderedObject> objects, List<Violation> violations) {
        for (RenderedObject o : objects) {
            Secret secret = o.as(Secret.class);
            if (secret != null && (notEmpty(secret.getData()) || notEmpty(secret.getStringData()))) {
                violations.add(new Violation(o.id(), "carries secret values; reference a Secret created at deployment"
                        + " or by an operator instead (k8s/README.md)"));
            }
        }
    }

    private static void networkPolicies(List<RenderedObject> objects, List<Violation> violations) {
        List<NetworkPolicy> policies = objects.stream().map(o -> o.as(NetworkPolicy.class))
                .filter(p -> p != null).toList();
        boolean defaultDeny = policies.stream().map(NetworkPolicy::getSpec).anyMatch(PlatformPolicy::deniesAll);
        if (!defaultDeny) {
            violations.add(new Violation("NetworkPolicy/*", "no default-deny policy (empty podSelector, Ingress and"
                    + " Egress, no rules)"));
        }
        for (RenderedObject o : objects) {
            Deployment d = o.as(Deployment.class);
            if (d == null || d.getSpec() == null || d.getSpec().getTemplate() == null) {
                continue;
            }
            Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata() == null ? Map.of()
                    : d.getSpec().getTemplate().getMetadata().getLabels();
            boolean own = policies.stream().map(NetworkPolicy::getSpec)
                    .anyMatch(spec -> spec != null && !isEmpty(spec.getPodSelector())
                            && matches(spec.getPodSelector(), podLabels));
            if (!own) {
                violations.add(new Violation(o.id(), "no NetworkPolicy selects its pods"));
            }
        }
    }

    private static boolean deniesAll(NetworkPolicySpec spec) {
        return spec != null && isEmpty(spec.getPodSelector()) && spec.getPolicyTypes() != null
                && spec.getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                && (spec.getIngress() == null || spec.getIngress().isEmpty())
                && (spec.getEgress() == null || spec.getEgress().isEmpty());
    }

    private static boolean isEmpty(LabelSelector selector) {
        return selector == null || (!notEmpty(selector.getMatchLabels())
                && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty()));
    }

    /** A label selector as the API server evaluates it: matchLabels and matchExpressions, all of them. */
    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        Map<String, String> have = labels == null ? Map.of() : labels;
        Map<String, String> wanted = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        if (!wanted.entrySet().stream().allMatch(e -> e.getValue().equals(have.get(e.getKey())))) {
            return false;
        }
        for (LabelSelectorRequirement r : selector.getMatchExpressions() == null
                ? List.<LabelSelectorRequirement>of() : selector.getMatchExpressions()) {
            String value = have.get(r.getKey());
            List<String> values = r.getValues() == null ? List.of() : r.getValues();
            boolean ok = switch (r.getOperator()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static void topics(List<RenderedObject> objects, EventCatalog catalog, List<Violation> violations) {
        Set<String> expected = catalog.brokerTopicNames();
        Set<String> found = new TreeSet<>();
        for (RenderedObject o : objects) {
            if (!o.kind().equals("KafkaTopic") || !o.group().equals("kafka.strimzi.io")) {
                continue;
            }
            JsonNode spec = o.tree().path("spec");
            String topic = spec.hasNonNull("topicName") ? spec.get("topicName").asText() : o.name();
            found.add(topic);
            if (!expected.contains(topic)) {
                violations.add(new Violation(o.id(), "topic " + topic + " is not in the event catalog"
                        + " (eventing/src/main/resources/eventing/catalog.json); declare it there and regenerate"));
                continue;
            }
            catalog.topics().stream().filter(t -> t.name().equals(topic)).findFirst()
                    .ifPresent(t -> sameAsCatalog(o, t, spec, violations));
        }
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(found);
        for (String topic : missing) {
            violations.add(new Violation("KafkaTopic/" + topic, "the catalog declares it but no KafkaTopic does"));
        }
    }

    private static void sameAsCatalog(RenderedObject o, CatalogTopic t, JsonNode spec, List<Violation> violations) {
        JsonNode config = spec.path("config");
        if (spec.path("partitions").asInt(-1) != t.partitions()) {
            violations.add(new Violation(o.id(), "partitions " + spec.path("partitions") + ", catalog says "
                    + t.partitions()));
        }
        if (config.path("retention.ms").asLong(Long.MIN_VALUE) != t.retentionMs()) {
            violations.add(new Violation(o.id(), "retention.ms " + config.path("retention.ms") + ", catalog says "
                    + t.retentionMs()));
        }
        if (!config.path("cleanup.policy").asText().equals(t.cleanupPolicy())) {
            violations.add(new Violation(o.id(), "cleanup.policy " + config.path("cleanup.policy")
                    + ", catalog says " + t.cleanupPolicy()));
        }
    }

    private static void configMapReferences(List<RenderedObject> objects, List<Violation> violations) {
        Set<String> configMaps = new HashSet<>();
        objects.stream().map(o -> o.as(ConfigMap.class)).filter(c -> c != null)
                .forEach(c -> configMaps.add(c.getMetadata().getName()));
        for (RenderedObject o : objects) {
            Deployment d = o.as(Deployment.class);
            if (d == null || d.getSpec() == null || d.getSpec().getTemplate() == null
                    || d.getSpec().getTemplate().getSpec() == null) {
                continue;
            }
            Set<String> referenced = new TreeSet<>();
            d.getSpec().getTemplate().getSpec().getContainers().forEach(c -> {
                for (EnvFromSource from : c.getEnvFrom()) {
                    if (from.getConfigMapRef() != null) {
                        referenced.add(from.getConfigMapRef().getName());
                    }
                }
                for (EnvVar env : c.getEnv()) {
                    if (env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null) {
                        referenced.add(env.getValueFrom().getConfigMapKeyRef().getName());
                    }
                }
            });
            for (Volume v : d.getSpec().getTemplate().getSpec().getVolumes()) {
                if (v.getConfigMap() != null) {
                    referenced.add(v.getConfigMap().getName());
                }
            }
            for (String name : referenced) {
                if (!configMaps.contains(name)) {
                    violations.add(new Violation(o.id(), "refers to ConfigMap " + name + ", which is not in the render"));
                }
            }
        }
    }

    private static boolean notEmpty(Map<?, ?> map) {
        return map != null && !map.isEmpty();
    }
}
