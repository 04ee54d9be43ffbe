package kz.prevention.commons.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import kz.prevention.commons.problem.Problem;
import kz.prevention.commons.problem.ProblemType;

/**
 * Makes every service's OpenAPI say what the platform really answers, so clients generated from
 * it handle errors: each operation gets the problem+json answers the shared mappers produce
 * (400 for input, 401/403 when it needs a token, 404 under a path id, 409/422 for changes,
 * 412/428 with If-Match), an operation with no security requirement is declared public
 * ({@code security: []}), and request examples from the service's
 * {@code META-INF/openapi-examples.json} are attached (see {@link RequestExamples}). Registered
 * for every service by platform-commons' {@code mp.openapi.filter} default.
 */
public class ProblemAnswersFilter implements OASFilter {

    static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        ensureProblemSchema(openAPI);
        OperationIds.simplify(openAPI);
        boolean rootSecured = openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
        RequestExamples examples = RequestExamples.load(Thread.currentThread().getContextClassLoader());
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> e : item.getOperations().entrySet()) {
                Operation op = e.getValue();
                boolean secured = rootSecured || (op.getSecurity() != null && !op.getSecurity().isEmpty());
                if (!secured && op.getSecurity() == null) {
                    op.setSecurity(new ArrayList<>());
                }
                addProblemAnswers(path, e.getKey(), op, item, secured);
                examples.attach(op);
            }
        });
    }

    private static void addProblemAnswers(String path, PathItem.HttpMethod method, Operation op, PathItem item,
            boolean secured) {
        boolean change = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH || method == PathItem.HttpMethod.DELETE;
        List<Parameter> params = new ArrayList<>();
        if (item.getParameters() != null) {
            params.addAll(item.getParameters());
        }
        if (op.getParameters() != null) {
            params.addAll(op.getParameters());
        }
        boolean ifMatch = params.stream().anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()));
        Map<ProblemType, String> answers = new LinkedHashMap<>();
        if (!params.isEmpty() || op.getRequestBody() != null) {
            answers.put(ProblemType.VALIDATION, "The request is not valid; `errors` names each offending field");
        }
        if (secured) {
            answers.put(ProblemType.UNAUTHORIZED, "No valid bearer token");
            answers.put(ProblemType.FORBIDDEN, "The caller's role, region or agency does not allow this");
        }
        if (path.contains("{")) {
            answers.put(ProblemType.NOT_FOUND, "No such resource, or not visible to the caller");
        }
        if (change) {
            answers.put(ProblemType.CONFLICT, "Conflicts with the resource's current state");
            answers.put(ProblemType.UNPROCESSABLE, "Breaks a rule of the domain");
        }
        if (ifMatch) {
            answers.put(ProblemType.PRECONDITION_FAILED, "The resource changed since the caller read it (stale ETag)");
            answers.put(ProblemType.PRECONDITION_REQUIRED, "The If-Match header is missing");
        }
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = op.getResponses();
        answers.forEach((type, text) -> {
            String code = Integer.toString(type.status());
            if (!responses.hasAPIResponse(code)) {
                responses.addAPIResponse(code, problemAnswer(text));
            }
        });
    }

    private static APIResponse problemAnswer(String description) {
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
    }

    private static void ensureProblemSchema(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas != null && schemas.containsKey("Problem")) {
            return;
        }
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", text).addProperty("message", text);
        openAPI.getComponents().addSchema("Problem", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details (media type application/problem+json)")
                .addProperty("type", text).addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text).addProperty("instance", text).addProperty("incident", text)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError)));
    }
}
