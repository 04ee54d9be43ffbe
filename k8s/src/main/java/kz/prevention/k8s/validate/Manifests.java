package kz.prevention.k8s.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** Reads a multi-document YAML stream (Kustomize's output) into typed objects. */
public final class Manifests {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();

    private Manifests() {
    }

    public static List<RenderedObject> parse(String yaml) {
        List<RenderedObject> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (docs.hasNext()) {
                JsonNode tree = docs.next();
                if (tree == null || tree.isNull() || tree.isEmpty()) {
                    continue;
                }
                KubernetesResource typed = KUBERNETES.unmarshal(JSON.writeValueAsString(tree), KubernetesResource.class);
                objects.add(new RenderedObject(tree, typed));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("not a YAML stream of Kubernetes objects: " + e.getMessage(), e);
        }
        return objects;
    }
}
