package kz.prevention.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Edits one object of a rendered YAML stream, to show what the validator says about the result. */
final class Mutations {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Mutations() {
    }

    static String edit(String yaml, String kind, String name, Consumer<ObjectNode> change) {
        List<JsonNode> docs = read(yaml);
        boolean found = false;
        for (JsonNode doc : docs) {
            if (doc.path("kind").asText().equals(kind) && doc.path("metadata").path("name").asText().equals(name)) {
                change.accept((ObjectNode) doc);
                found = true;
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no " + kind + "/" + name + " in the render");
        }
        return write(docs);
    }

    static String remove(String yaml, String kind, String name) {
        List<JsonNode> docs = new ArrayList<>(read(yaml));
        if (!docs.removeIf(d -> d.path("kind").asText().equals(kind) && d.path("metadata").path("name").asText().equals(name))) {
            throw new IllegalArgumentException("no " + kind + "/" + name + " in the render");
        }
        return write(docs);
    }

    static String append(String yaml, String document) {
        return yaml + (yaml.endsWith("\n") ? "" : "\n") + "---\n" + document;
    }

    static ObjectNode container(ObjectNode deployment) {
        return (ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").get(0);
    }

    private static List<JsonNode> read(String yaml) {
        try {
            return YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(List<JsonNode> docs) {
        StringBuilder out = new StringBuilder();
        try {
            for (JsonNode doc : docs) {
                out.append(YAML.writeValueAsString(doc));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
