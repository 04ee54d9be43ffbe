package kz.prevention.k8s;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import kz.prevention.k8s.validate.CrdSchemas;
import kz.prevention.k8s.validate.ManifestValidator;
import kz.prevention.k8s.validate.Manifests;
import kz.prevention.k8s.validate.RenderedObject;

/** Each overlay rendered once per test JVM, and the validator over the repo's CRDs and the catalog. */
final class Rendered {

    static final List<String> OVERLAYS = List.of("dev", "prod");
    static final CrdSchemas CRDS = CrdSchemas.load(Checkout.K8S.resolve("crds"));
    static final ManifestValidator VALIDATOR = new ManifestValidator(CRDS, Checkout.PLATFORM.catalog());

    private static final Map<String, String> YAML = new ConcurrentHashMap<>();
    private static final Map<String, List<RenderedObject>> OBJECTS = new ConcurrentHashMap<>();

    private Rendered() {
    }

    static String yaml(String overlay) {
        return YAML.computeIfAbsent(overlay, o -> Kustomize.build(Checkout.K8S.resolve("overlays").resolve(o)));
    }

    static List<RenderedObject> objects(String overlay) {
        return OBJECTS.computeIfAbsent(overlay, o -> List.copyOf(Manifests.parse(yaml(o))));
    }

    static List<RenderedObject> ofKind(String overlay, String kind) {
        return objects(overlay).stream().filter(o -> o.kind().equals(kind)).toList();
    }
}
