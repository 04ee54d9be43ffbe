package kz.prevention.gateway.openapi;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Merges the services' OpenAPI documents into the one integrators generate clients from, as
 * the gateway exposes them: {@code /api/v1/entries} of registry-service becomes
 * {@code /api/registry/v1/entries}; operation ids get the route key ({@code registry_register})
 * so they stay unique; tags are named after their service; a component two services define
 * differently is renamed ({@code RegistryPage}) and every {@code $ref} to it follows, while
 * identical ones (the shared Problem) are kept once.
 */
public final class OpenApiAggregator {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private OpenApiAggregator() {
    }

    /** One service's document under its route key. */
    public record ServiceDocument(String key, String service, ObjectNode document) {
    }

    public static ObjectNode aggregate(List<ServiceDocument> documents, String serverUrl, String version) {
        ObjectNode result = JSON.objectNode();
        result.put("openapi", documents.isEmpty() ? "3.0.3" : documents.get(0).document().path("openapi").asText("3.0.3"));
        ObjectNode info = result.putObject("info");
        info.put("title", "Prevention platform API");
        info.put("version", version);
        info.put("description", "All services of the prevention platform behind its gateway. Systems send an OAuth 2"
                + " bearer token (client credentials) from the platform's Keycloak; every path is /api/<service>/v1/....");
        ObjectNode license = info.putObject("license");
        license.put("name", "Apache-2.0");
        license.put("url", "https://www.apache.org/licenses/LICENSE-2.0.html");
        result.putArray("servers").addObject().put("url", serverUrl).put("description", "the gateway");
        ArrayNode tags = result.putArray("tags");
        ObjectNode paths = result.putObject("paths");
        ObjectNode components = result.putObject("components");
        Map<String, String> tagNames = new LinkedHashMap<>();
        for (ServiceDocument doc : documents) {
            merge(doc, paths, components, tags, tagNames);
        }
        return result;
    }

    private static void merge(ServiceDocument doc, ObjectNode paths, ObjectNode components, ArrayNode tags,
            Map<String, String> seenTags) {
        // Renaming one component changes the components that refer to it, which may then differ
        // from their namesakes too: repeat until no new collision appears.
        Map<String, String> renames = new HashMap<>();
        ObjectNode source;
        int before;
        do {
            before = renames.size();
            source = doc.document().deepCopy();
            rewriteRefs(source, renames);
            renames.putAll(componentRenames(doc, source, components, renames));
        } while (renames.size() > before);
        source = doc.document().deepCopy();
        rewriteRefs(source, renames);
        String prefix = doc.key();
        for (Map.Entry<String, JsonNode> section : iterable(source.path("components").fields())) {
            ObjectNode target = components.has(section.getKey()) ? (ObjectNode) components.get(section.getKey())
                    : components.putObject(section.getKey());
            for (Map.Entry<String, JsonNode> item : iterable(section.getValue().fields())) {
                String ref = "#/components/" + section.getKey() + "/" + item.getKey();
                String name = renames.containsKey(ref) ? renames.get(ref).substring(ref.lastIndexOf('/') + 1) : item.getKey();
                target.set(name, item.getValue());
            }
        }
        for (JsonNode tag : source.path("tags")) {
            String name = tagName(doc, tag.path("name").asText());
            if (seenTags.putIfAbsent(name, name) == null) {
                ObjectNode copy = ((ObjectNode) tag).deepCopy();
                copy.put("name", name);
                tags.add(copy);
            }
        }
        for (Map.Entry<String, JsonNode> path : iterable(source.path("paths").fields())) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            String gatewayPath = "/api/" + prefix + path.getKey().substring("/api".length());
            ObjectNode item = (ObjectNode) path.getValue();
            for (Map.Entry<String, JsonNode> op : iterable(item.fields())) {
                if (!METHODS.contains(op.getKey()) || !op.getValue().isObject()) {
                    continue;
                }
                ObjectNode operation = (ObjectNode) op.getValue();
                if (operation.hasNonNull("operationId")) {
                    operation.put("operationId", prefix + "_" + operation.get("operationId").asText());
                }
                ArrayNode opTags = JSON.arrayNode();
                operation.path("tags").forEach(t -> opTags.add(tagName(doc, t.asText())));
                if (opTags.isEmpty()) {
                    opTags.add(doc.service());
                }
                opTags.forEach(t -> {
                    if (seenTags.putIfAbsent(t.asText(), t.asText()) == null) {
                        tags.addObject().put("name", t.asText());
                    }
                });
                operation.set("tags", opTags);
            }
            paths.set(gatewayPath, item);
        }
    }

    private static String tagName(ServiceDocument doc, String tag) {
        return doc.service() + ": " + tag;
    }

    /** Components this document defines differently from what is already merged get a service prefix. */
    private static Map<String, String> componentRenames(ServiceDocument doc, ObjectNode source, ObjectNode merged,
            Map<String, String> known) {
        Map<String, String> renames = new HashMap<>();
        String prefix = Character.toUpperCase(doc.key().charAt(0)) + doc.key().substring(1);
        for (Map.Entry<String, JsonNode> section : iterable(source.path("components").fields())) {
            JsonNode existing = merged.path(section.getKey());
            for (Map.Entry<String, JsonNode> item : iterable(section.getValue().fields())) {
                String ref = "#/components/" + section.getKey() + "/" + item.getKey();
                JsonNode already = existing.get(item.getKey());
                if (!known.containsKey(ref) && already != null && !already.equals(item.getValue())) {
                    renames.put(ref,
                            "#/components/" + section.getKey() + "/" + prefix + item.getKey());
                }
            }
        }
        return renames;
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return;
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && renames.containsKey(ref.asText())) {
                object.set("$ref", TextNode.valueOf(renames.get(ref.asText())));
            }
            object.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        }
    }

    private static <T> Iterable<T> iterable(Iterator<T> iterator) {
        return () -> iterator;
    }
}
