package kz.prevention.k8s.validate;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;

/**
 * One document of a rendered overlay: the raw tree (as Kustomize wrote it) and fabric8's typed
 * reading of it ({@link GenericKubernetesResource} when fabric8 knows no class for the kind, i.e. a
 * custom resource or a misspelt apiVersion/kind).
 */
public record RenderedObject(JsonNode tree, KubernetesResource typed) {

    public String apiVersion() {
        return tree.path("apiVersion").asText();
    }

    public String kind() {
        return tree.path("kind").asText();
    }

    public String name() {
        return tree.path("metadata").path("name").asText();
    }

    public String group() {
        String v = apiVersion();
        return v.contains("/") ? v.substring(0, v.indexOf('/')) : "";
    }

    public String version() {
        String v = apiVersion();
        return v.contains("/") ? v.substring(v.indexOf('/') + 1) : v;
    }

    public boolean isGeneric() {
        return typed instanceof GenericKubernetesResource;
    }

    public String id() {
        return kind() + "/" + name();
    }

    @SuppressWarnings("unchecked")
    public <T> T as(Class<T> type) {
        return type.isInstance(typed) ? (T) typed : null;
    }
}
