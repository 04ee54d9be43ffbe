package kz.prevention.k8s.validate;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * What every Deployment must have: the three probes, requests and limits for CPU and memory, and a
 * container that cannot become root or gain privileges (Pod Security Standard "restricted", plus a
 * read-only root file system), from a pinned image.
 */
final class WorkloadPolicy {

    private WorkloadPolicy() {
    }

    static void check(RenderedObject object, List<Violation> violations) {
        Deployment deployment = object.as(Deployment.class);
        if (deployment == null) {
            return;
        }
        PodSpec pod = deployment.getSpec() == null || deployment.getSpec().getTemplate() == null ? null
                : deployment.getSpec().getTemplate().getSpec();
        if (pod == null || pod.getContainers().isEmpty()) {
            violations.add(new Violation(object.id(), "has no pod template with containers"));
            return;
        }
        PodSecurityContext podContext = pod.getSecurityContext();
        if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID())
                || Boolean.TRUE.equals(pod.getHostIPC())) {
            violations.add(new Violation(object.id(), "shares a host namespace (hostNetwork/hostPID/hostIPC)"));
        }
        for (Container c : concat(pod.getInitContainers(), pod.getContainers())) {
            String where = object.id() + " container " + c.getName();
            checkResources(c, where, violations);
            checkSecurity(c.getSecurityContext(), podContext, where, violations);
            checkImage(c.getImage(), where, violations);
        }
        // Init containers run to completion: probes are for the long-running ones.
        for (Container c : pod.getContainers()) {
            String where = object.id() + " container " + c.getName();
            if (c.getLivenessProbe() == null) {
                violations.add(new Violation(where, "has no livenessProbe"));
            }
            if (c.getReadinessProbe() == null) {
                violations.add(new Violation(where, "has no readinessProbe"));
            }
            if (c.getStartupProbe() == null) {
                violations.add(new Violation(where, "has no startupProbe"));
            }
        }
    }

    private static void checkResources(Container c, String where, List<Violation> violations) {
        Map<String, Quantity> requests = c.getResources() == null ? Map.of() : c.getResources().getRequests();
        Map<String, Quantity> limits = c.getResources() == null ? Map.of() : c.getResources().getLimits();
        for (String resource : List.of("cpu", "memory")) {
            if (requests == null || !requests.containsKey(resource)) {
                violations.add(new Violation(where, "has no " + resource + " request"));
            }
            if (limits == null || !limits.containsKey(resource)) {
                violations.add(new Violation(where, "has no " + resource + " limit"));
            }
        }
    }

    private static void checkSecurity(SecurityContext sc, PodSecurityContext pod, String where,
            List<Violation> violations) {
        boolean nonRoot = sc != null && sc.getRunAsNonRoot() != null ? sc.getRunAsNonRoot()
                : pod != null && Boolean.TRUE.equals(pod.getRunAsNonRoot());
        if (!nonRoot) {
            violations.add(new Violation(where, "may run as root (runAsNonRoot is not true)"));
        }
        Long user = sc != null && sc.getRunAsUser() != null ? sc.getRunAsUser() : pod == null ? null : pod.getRunAsUser();
        if (user != null && user == 0) {
            violations.add(new Violation(where, "runs as user 0"));
        }
        if (sc == null || !Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
            violations.add(new Violation(where, "has a writable root file system (readOnlyRootFilesystem is not true)"));
        }
        if (sc == null || !Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
            violations.add(new Violation(where, "may escalate privileges (allowPrivilegeEscalation is not false)"));
        }
        if (sc != null && Boolean.TRUE.equals(sc.getPrivileged())) {
            violations.add(new Violation(where, "is privileged"));
        }
        boolean dropsAll = sc != null && sc.getCapabilities() != null && sc.getCapabilities().getDrop() != null
                && sc.getCapabilities().getDrop().contains("ALL");
        if (!dropsAll) {
            violations.add(new Violation(where, "does not drop ALL capabilities"));
        }
        if (sc != null && sc.getCapabilities() != null && sc.getCapabilities().getAdd() != null
                && !sc.getCapabilities().getAdd().isEmpty()) {
            violations.add(new Violation(where, "adds capabilities " + sc.getCapabilities().getAdd()));
        }
        String seccomp = sc != null && sc.getSeccompProfile() != null ? sc.getSeccompProfile().getType()
                : pod != null && pod.getSeccompProfile() != null ? pod.getSeccompProfile().getType() : null;
        if (!"RuntimeDefault".equals(seccomp)) {
            violations.add(new Violation(where, "has no seccomp profile RuntimeDefault (found " + seccomp + ")"));
        }
    }

    private static void checkImage(String image, String where, List<Violation> violations) {
        if (image == null || image.isBlank()) {
            violations.add(new Violation(where, "has no image"));
            return;
        }
        boolean digest = image.contains("@sha256:");
        String afterSlash = image.substring(image.lastIndexOf('/') + 1);
        boolean tagged = afterSlash.contains(":") && !afterSlash.endsWith(":latest");
        if (!digest && !tagged) {
            violations.add(new Violation(where, "image " + image + " is not pinned (no tag or digest, or ':latest')"));
        }
    }

    private static List<Container> concat(List<Container> a, List<Container> b) {
        return java.util.stream.Stream.concat(a == null ? java.util.stream.Stream.empty() : a.stream(),
                b == null ? java.util.stream.Stream.empty() : b.stream()).toList();
    }
}
