package kz.prevention.commons.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import kz.prevention.commons.json.StrictTextCustomizer;

/**
 * The control-character rule of JSON text ({@link StrictTextCustomizer}) for query and path
 * parameters: a decoded NUL or other control character is a 400 problem before any resource runs.
 * Without it a {@code %00} reaches PostgreSQL, which refuses it with an error the service can only
 * answer as a 500. The problem names the parameter, never its value.
 */
public class ParameterGuard {

    @ServerRequestFilter(preMatching = true)
    public Response refuseControlCharacters(ContainerRequestContext request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters(true);
        query.forEach((name, values) -> {
            if (StrictTextCustomizer.hasControlCharacters(name)
                    || values.stream().anyMatch(StrictTextCustomizer::hasControlCharacters)) {
                errors.add(new Problem.FieldError(safeName(name), "control characters are not allowed"));
            }
        });
        if (StrictTextCustomizer.hasControlCharacters(request.getUriInfo().getPath(true))) {
            errors.add(new Problem.FieldError("path", "control characters are not allowed"));
        }
        if (errors.isEmpty()) {
            return null;
        }
        return ProblemResponses.of(ProblemType.MALFORMED_REQUEST, 400,
                errors.size() == 1 ? "'" + errors.get(0).field() + "' contains control characters"
                        : errors.size() + " parameters contain control characters",
                request.getUriInfo().getPath().replaceAll("\\p{Cntrl}", ""), errors, Map.of());
    }

    private static String safeName(String name) {
        return name.replaceAll("\\p{Cntrl}", "?");
    }
}
