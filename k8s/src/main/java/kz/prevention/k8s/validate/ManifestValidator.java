package kz.prevention.k8s.validate;

import java.util.ArrayList;
import java.util.List;

import kz.prevention.devstack.kafka.EventCatalog;

/**
 * Validates a rendered overlay without a cluster: built-in kinds by fabric8's typed model with
 * unknown fields refused; custom resources against their operator's CRD schema (closed to unknown
 * fields); then the platform's policies (WorkloadPolicy, PlatformPolicy).
 */
public final class ManifestValidator {

    private final CrdSchemas crds;
    private final EventCatalog catalog;

    public ManifestValidator(CrdSchemas crds, EventCatalog catalog) {
        this.crds = crds;
        this.catalog = catalog;
    }

    public List<Violation> validate(String renderedYaml) {
        return validate(Manifests.parse(renderedYaml));
    }

    public List<Violation> validate(List<RenderedObject> objects) {
        List<Violation> violations = new ArrayList<>();
        for (RenderedObject o : objects) {
            if (o.apiVersion().isBlank() || o.kind().isBlank() || o.name().isBlank()) {
                violations.add(new Violation(o.id(), "lacks apiVersion, kind or metadata.name"));
                continue;
            }
            if (o.isGeneric()) {
                if (!crds.knows(o.group(), o.version(), o.kind())) {
                    violations.add(new Violation(o.id(), o.apiVersion() + " " + o.kind()
                            + " is neither a built-in kind nor a custom resource of the CRDs in k8s/crds"));
                    continue;
                }
                crds.validate(o).forEach(m -> violations.add(new Violation(o.id(), m)));
            }
            UnknownFields.check(o, violations);
            WorkloadPolicy.check(o, violations);
        }
        PlatformPolicy.check(objects, catalog, violations);
        return violations;
    }
}
