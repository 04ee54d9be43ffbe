package kz.prevention.commons.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Complete request examples, kept beside a service's code in
 * {@code src/main/resources/META-INF/openapi-examples.json} rather than as JSON strings inside
 * annotations: {@code {"<operationId>": {"<example name>": {"summary": "...", "value": {...}}}}}.
 * They are attached to the operation's request body as media-level {@code examples}, one per
 * alternative, and test-support's {@code OpenApiExamplesContract} sends each one to the running
 * service, so an example that the service would refuse fails the build.
 */
public final class RequestExamples {

    public static final String RESOURCE = "META-INF/openapi-examples.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Map<String, Example>> byOperation;

    private RequestExamples(Map<String, Map<String, Example>> byOperation) {
        this.byOperation = byOperation;
    }

    /** One example: a summary for the reader and the request body. */
    public record Example(String summary, Object value) {
    }

    public static RequestExamples load(ClassLoader loader) {
        Map<String, Map<String, Example>> all = new LinkedHashMap<>();
        try {
            for (URL url : Collections.list(loader.getResources(RESOURCE))) {
                try (InputStream in = url.openStream()) {
                    all.putAll(JSON.readValue(in, new TypeReference<Map<String, Map<String, Example>>>() {
                    }));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": fix its JSON", e);
        }
        return new RequestExamples(all);
    }

    public Map<String, Map<String, Example>> all() {
        return byOperation;
    }

    void attach(Operation op) {
        Map<String, Example> examples = byOperation.get(op.getOperationId());
        if (examples == null || op.getRequestBody() == null || op.getRequestBody().getContent() == null) {
            return;
        }
        for (MediaType media : op.getRequestBody().getContent().getMediaTypes().values()) {
            examples.forEach((name, example) -> media.addExample(name,
                    OASFactory.createExample().summary(example.summary()).value(example.value())));
        }
    }
}
