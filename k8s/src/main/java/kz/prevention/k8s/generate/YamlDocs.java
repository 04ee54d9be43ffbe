package kz.prevention.k8s.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Writes generated manifests: typed fabric8 objects and plain maps (custom resources) alike, as
 * multi-document YAML under a "generated, do not edit" header. Output is deterministic so that
 * the drift test can compare it with the committed file byte for byte.
 */
public final class YamlDocs {

    private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    private YamlDocs() {
    }

    public static String write(String header, List<?> documents) {
        StringBuilder out = new StringBuilder();
        for (String line : header.strip().split("\n")) {
            out.append(line.isBlank() ? "#" : "# " + line).append('\n');
        }
        boolean first = true;
        for (Object doc : documents) {
            if (!first) {
                out.append("---\n");
            }
            first = false;
            out.append(toYaml(doc));
        }
        return out.toString();
    }

    private static String toYaml(Object doc) {
        try {
            JsonNode tree = doc instanceof KubernetesResource
                    ? YAML.readTree(KUBERNETES.asJson(doc))
                    : YAML.valueToTree(doc);
            return YAML.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An ordered map from alternating keys and values, for custom resources. */
    public static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i].toString(), keyValues[i + 1]);
        }
        return m;
    }
}
