package kz.prevention.k8s.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import kz.prevention.k8s.model.Names;
import kz.prevention.k8s.model.ServiceSpec;

/**
 * A service's Deployment: probes on Quarkus's health endpoints, requests and limits, a non-root,
 * read-only, capability-less container under seccomp RuntimeDefault, configuration from ConfigMaps
 * and credentials by reference to Secrets that operators (Strimzi, CloudNativePG) or the deployer
 * create. Replicas are the HorizontalPodAutoscaler's, so the Deployment does not set them.
 */
final class ServiceWorkload {

    /** The user of Quarkus's and Red Hat's Java base images (jboss); images built by ServiceImage too. */
    static final long RUN_AS = 185;
    static final String KAFKA_CA_DIR = "/etc/prevention/kafka-ca";
    static final String DB_CA_DIR = "/etc/prevention/postgres-ca";

    private ServiceWorkload() {
    }

    static Deployment deployment(ServiceSpec s, boolean kafkaClient, Map<String, String> selector,
            Map<String, String> podLabels) {
        return new DeploymentBuilder()
                .withNewMetadata().withName(s.name()).withLabels(podLabelsWithout(podLabels)).endMetadata()
                .withNewSpec()
                .withRevisionHistoryLimit(5)
                .withNewSelector().withMatchLabels(selector).endSelector()
                .withNewStrategy().withType("RollingUpdate").withNewRollingUpdate()
                .withMaxSurge(new IntOrString(1)).withMaxUnavailable(new IntOrString(0)).endRollingUpdate()
                .endStrategy()
                .withNewTemplate()
                .withNewMetadata().withLabels(podLabels)
                .withAnnotations(new TreeMap<>(Map.of("prometheus.io/scrape", "true", "prometheus.io/path", "/q/metrics",
                        "prometheus.io/port", Integer.toString(s.port()))))
                .endMetadata()
                .withNewSpec()
                .withServiceAccountName(s.name())
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withTerminationGracePeriodSeconds(30L)
                .withNewSecurityContext()
                .withRunAsNonRoot(true).withRunAsUser(RUN_AS).withRunAsGroup(RUN_AS).withFsGroup(RUN_AS)
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .endSecurityContext()
                .addNewTopologySpreadConstraint().withMaxSkew(1).withTopologyKey("topology.kubernetes.io/zone")
                .withWhenUnsatisfiable("ScheduleAnyway").withNewLabelSelector().withMatchLabels(selector)
                .endLabelSelector().endTopologySpreadConstraint()
                .addNewTopologySpreadConstraint().withMaxSkew(1).withTopologyKey("kubernetes.io/hostname")
                .withWhenUnsatisfiable("ScheduleAnyway").withNewLabelSelector().withMatchLabels(selector)
                .endLabelSelector().endTopologySpreadConstraint()
                .withContainers(container(s, kafkaClient))
                .withVolumes(volumes(s, kafkaClient))
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    private static Map<String, String> podLabelsWithout(Map<String, String> podLabels) {
        Map<String, String> labels = new LinkedHashMap<>();
        podLabels.forEach((k, v) -> {
            if (k.startsWith("app.kubernetes.io/")) {
                labels.put(k, v);
            }
        });
        return labels;
    }

    private static Container container(ServiceSpec s, boolean kafkaClient) {
        return new ContainerBuilder()
                .withName(s.name())
                .withImage("prevention/" + s.name() + ":0.1.0-SNAPSHOT")
                .withImagePullPolicy("IfNotPresent")
                .addNewPort().withName("http").withContainerPort(s.port()).withProtocol("TCP").endPort()
                .withEnvFrom(envFrom(s, kafkaClient))
                .withEnv(secretEnv(s, kafkaClient))
                .withNewResources()
                .withRequests(new TreeMap<>(Map.of("cpu", new Quantity("250m"), "memory", new Quantity("512Mi"))))
                .withLimits(new TreeMap<>(Map.of("cpu", new Quantity("1"), "memory", new Quantity("768Mi"))))
                .endResources()
                // Flyway migrates at start: give it up to two minutes before liveness counts.
                .withStartupProbe(probe("/q/health/live", 2, 60))
                .withLivenessProbe(probe("/q/health/live", 10, 3))
                .withReadinessProbe(probe("/q/health/ready", 5, 3))
                .withNewSecurityContext()
                .withRunAsNonRoot(true).withAllowPrivilegeEscalation(false).withReadOnlyRootFilesystem(true)
                .withPrivileged(false)
                .withNewCapabilities().withDrop("ALL").endCapabilities()
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .endSecurityContext()
                .withVolumeMounts(mounts(s, kafkaClient))
                .build();
    }

    private static Probe probe(String path, int periodSeconds, int failureThreshold) {
        return new ProbeBuilder().withNewHttpGet().withPath(path).withPort(new IntOrString("http")).endHttpGet()
                .withPeriodSeconds(periodSeconds).withTimeoutSeconds(3).withFailureThreshold(failureThreshold)
                .build();
    }

    private static List<EnvFromSource> envFrom(ServiceSpec s, boolean kafkaClient) {
        List<EnvFromSource> from = new ArrayList<>();
        from.add(new EnvFromSourceBuilder().withNewConfigMapRef().withName("platform-oidc").endConfigMapRef().build());
        if (kafkaClient) {
            from.add(new EnvFromSourceBuilder().withNewConfigMapRef().withName("platform-kafka").endConfigMapRef()
                    .build());
        }
        from.add(new EnvFromSourceBuilder().withNewConfigMapRef().withName(s.name() + "-config").endConfigMapRef()
                .build());
        return from;
    }

    private static List<EnvVar> secretEnv(ServiceSpec s, boolean kafkaClient) {
        List<EnvVar> env = new ArrayList<>();
        if (s.hasDatabase()) {
            env.add(secretRef("QUARKUS_DATASOURCE_USERNAME", Names.dbSecret(s.database()), "username"));
            env.add(secretRef("QUARKUS_DATASOURCE_PASSWORD", Names.dbSecret(s.database()), "password"));
        }
        if (kafkaClient) {
            // Made by Strimzi's user operator from the KafkaUser of the same name (users.yaml).
            env.add(secretRef("KAFKA_SASL_JAAS_CONFIG", s.name(), "sasl.jaas.config"));
        }
        // The same Secret fills the client's secret in the realm import (placeholders).
        env.add(secretRef("QUARKUS_OIDC_CREDENTIALS_SECRET", Names.oidcSecret(s.name()), "client-secret"));
        for (ServiceSpec.SecretEnv own : s.secrets()) {
            env.add(secretRef(own.env(), own.secret(), own.key()));
        }
        return env;
    }

    private static EnvVar secretRef(String name, String secret, String key) {
        return new EnvVarBuilder().withName(name).withNewValueFrom().withNewSecretKeyRef().withName(secret)
                .withKey(key).withOptional(false).endSecretKeyRef().endValueFrom().build();
    }

    private static List<VolumeMount> mounts(ServiceSpec s, boolean kafkaClient) {
        List<VolumeMount> mounts = new ArrayList<>();
        // The root file system is read-only; Quarkus and Vert.x write only under /tmp.
        mounts.add(new VolumeMountBuilder().withName("tmp").withMountPath("/tmp").build());
        if (kafkaClient) {
            mounts.add(new VolumeMountBuilder().withName("kafka-ca").withMountPath(KAFKA_CA_DIR).withReadOnly(true)
                    .build());
        }
        if (s.hasDatabase()) {
            mounts.add(new VolumeMountBuilder().withName("postgres-ca").withMountPath(DB_CA_DIR).withReadOnly(true)
                    .build());
        }
        return mounts;
    }

    private static List<Volume> volumes(ServiceSpec s, boolean kafkaClient) {
        List<Volume> volumes = new ArrayList<>();
        volumes.add(new VolumeBuilder().withName("tmp").withNewEmptyDir().withSizeLimit(new Quantity("256Mi"))
                .endEmptyDir().build());
        if (kafkaClient) {
            volumes.add(caVolume("kafka-ca", Names.KAFKA_CA_SECRET));
        }
        if (s.hasDatabase()) {
            volumes.add(caVolume("postgres-ca", Names.DB_CA_SECRET));
        }
        return volumes;
    }

    /** Only the CA certificate is projected, whatever else the operator keeps in that Secret. */
    private static Volume caVolume(String name, String secret) {
        return new VolumeBuilder().withName(name).withNewSecret().withSecretName(secret).withDefaultMode(0444)
                .addNewItem().withKey("ca.crt").withPath("ca.crt").endItem().endSecret().build();
    }
}
