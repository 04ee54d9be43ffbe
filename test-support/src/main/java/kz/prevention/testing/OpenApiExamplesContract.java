package kz.prevention.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The request examples a service publishes in its OpenAPI are ones it accepts: every example of
 * every operation is sent to the running service and must get a 2xx, and every operation that
 * creates or changes something must have at least one. A service's test extends this with
 * {@code @QuarkusTest}, and supplies what an example cannot know: the ids of records its
 * fixtures create first, the ETag for If-Match, a token allowed to make the change.
 */
public abstract class OpenApiExamplesContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CHANGES = Set.of("post", "put", "patch", "delete");

    /** How to send one example: path parameters, headers, top-level body fields replaced by fixtures' ids. */
    public record Prepared(String token, Map<String, String> pathParams, Map<String, String> headers,
            Map<String, Object> bodyOverrides) {

        public static Prepared as(String token) {
            return new Prepared(token, new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
        }

        public Prepared path(String name, String value) {
            pathParams.put(name, value);
            return this;
        }

        public Prepared header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Prepared override(String field, Object value) {
            bodyOverrides.put(field, value);
            return this;
        }
    }

    /** Fixtures for one example of one operation (called right before it is sent). */
    protected abstract Prepared prepare(String operationId, String exampleName);

    /**
     * Change operations whose examples are still to be written, named so the gap is visible in
     * the service's test rather than silent. Empty when every change has one.
     */
    protected Set<String> examplesStillMissing() {
        return Set.of();
    }

    @Test
    public void everyChangeOperationHasARequestExample() throws Exception {
        JsonNode doc = document();
        List<String> missing = new ArrayList<>();
        forEachOperation(doc, (path, method, op) -> {
            if (CHANGES.contains(method) && op.has("requestBody") && examples(op).isEmpty()
                    && !examplesStillMissing().contains(op.path("operationId").asText())) {
                missing.add(method.toUpperCase() + " " + path + " (" + op.path("operationId").asText() + ")");
            }
        });

        assertThat(missing).as("operations with a request body but no example in META-INF/openapi-examples.json").isEmpty();
    }

    @Test
    public void everyDocumentedRequestExampleIsAccepted() throws Exception {
        JsonNode doc = document();
        List<String> refused = new ArrayList<>();
        List<String> sent = new ArrayList<>();
        forEachOperation(doc, (path, method, op) -> examples(op).forEach((name, value) -> {
            String id = op.path("operationId").asText();
            Prepared prepared = prepare(id, name);
            ObjectNode body = value.deepCopy();
            prepared.bodyOverrides().forEach((field, v) -> body.set(field, JSON.valueToTree(v)));
            String url = path;
            for (var p : prepared.pathParams().entrySet()) {
                url = url.replace("{" + p.getKey() + "}", p.getValue());
            }
            RequestSpecification req = given().auth().oauth2(prepared.token()).contentType(ContentType.JSON)
                    .body(body.toString());
            prepared.headers().forEach(req::header);
            Response r = req.request(method.toUpperCase(), url);
            sent.add(id + "/" + name);
            if (r.statusCode() / 100 != 2) {
                refused.add(id + "/" + name + " -> " + r.statusCode() + " " + r.asString());
            }
        }));

        assertThat(sent).as("examples sent").isNotEmpty();
        assertThat(refused).as("documented examples the service refused").isEmpty();
    }

    private static JsonNode document() throws Exception {
        return JSON.readTree(given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().asString());
    }

    private static Map<String, ObjectNode> examples(JsonNode op) {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        op.path("requestBody").path("content").path("application/json").path("examples").fields()
                .forEachRemaining(e -> {
                    if (e.getValue().path("value").isObject()) {
                        out.put(e.getKey(), (ObjectNode) e.getValue().get("value"));
                    }
                });
        return out;
    }

    private interface OperationVisitor {
        void visit(String path, String method, JsonNode operation);
    }

    private static void forEachOperation(JsonNode doc, OperationVisitor visitor) {
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(m -> {
            if (m.getValue().isObject() && m.getValue().has("responses")) {
                visitor.visit(path.getKey(), m.getKey(), m.getValue());
            }
        }));
    }
}
