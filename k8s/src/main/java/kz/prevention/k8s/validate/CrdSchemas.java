package kz.prevention.k8s.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The operators' CustomResourceDefinitions (k8s/crds, copied from their projects) and a validator per
 * served kind and version, from each version's {@code openAPIV3Schema}.
 *
 * <p>A CRD's schema allows unknown fields unless it says otherwise, and the API server then silently
 * prunes them: a misspelt {@code partition} in a KafkaTopic would become a topic with the default
 * partition count. So every object schema that lists its {@code properties} is closed here
 * ({@code additionalProperties: false}) unless it declares {@code x-kubernetes-preserve-unknown-fields}
 * or its own {@code additionalProperties} - which is what pruning means. OpenAPI v3's schema dialect
 * is read as JSON Schema draft 4, its closest relative; the {@code x-kubernetes-*} keywords are
 * annotations to it.
 */
public final class CrdSchemas {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectNode JSON_STRING = new ObjectMapper().createObjectNode().put("type", "string");
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);

    private final Map<String, JsonNode> schemas = new HashMap<>();
    private final Map<String, JsonSchema> compiled = new HashMap<>();

    private CrdSchemas() {
    }

    public static CrdSchemas load(Path folder) {
        CrdSchemas crds = new CrdSchemas();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.ya?ml")).sorted().toList()) {
                try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
                    while (docs.hasNext()) {
                        crds.add(docs.next());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CRDs in " + folder + ": " + e.getMessage(), e);
        }
        if (crds.schemas.isEmpty()) {
            throw new IllegalStateException("no CustomResourceDefinition in " + folder);
        }
        return crds;
    }

    private void add(JsonNode crd) {
        if (!"CustomResourceDefinition".equals(crd.path("kind").asText())) {
            return;
        }
        String group = crd.path("spec").path("group").asText();
        String kind = crd.path("spec").path("names").path("kind").asText();
        for (JsonNode version : crd.path("spec").path("versions")) {
            if (version.path("served").asBoolean(false) && version.path("schema").has("openAPIV3Schema")) {
                ObjectNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
                // The API server accepts these on every object, whether the CRD's schema lists them or not.
                ObjectNode properties = schema.withObject("properties");
                properties.putIfAbsent("apiVersion", JSON_STRING);
                properties.putIfAbsent("kind", JSON_STRING);
                properties.putIfAbsent("metadata", YAML.createObjectNode().put("type", "object"));
                close(schema);
                schemas.put(key(group, version.path("name").asText(), kind), schema);
            }
        }
    }

    /** Closes every object schema that lists properties and does not ask to keep unknown fields. */
    private static void close(JsonNode schema) {
        if (!(schema instanceof ObjectNode node)) {
            return;
        }
        boolean preserve = node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (node.has("properties") && !node.has("additionalProperties") && !preserve) {
            node.put("additionalProperties", false);
        }
        for (String keyword : List.of("properties", "patternProperties")) {
            node.path(keyword).forEach(CrdSchemas::close);
        }
        for (String keyword : List.of("items", "additionalProperties", "not")) {
            close(node.get(keyword));
        }
        for (String keyword : List.of("allOf", "anyOf", "oneOf")) {
            node.path(keyword).forEach(CrdSchemas::close);
        }
    }

    public boolean knows(String group, String version, String kind) {
        return schemas.containsKey(key(group, version, kind));
    }

    public Set<String> kinds() {
        return schemas.keySet();
    }

    /** Schema messages for one custom resource; metadata is left to the typed check. */
    public List<String> validate(RenderedObject object) {
        String key = key(object.group(), object.version(), object.kind());
        JsonSchema schema = compiled.computeIfAbsent(key, k -> FACTORY.getSchema(schemas.get(k)));
        ObjectNode instance = object.tree().deepCopy();
        instance.remove("metadata");
        instance.putObject("metadata");
        Set<ValidationMessage> messages = schema.validate(instance);
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static String key(String group, String version, String kind) {
        return group + "/" + version + "/" + kind;
    }
}
