package kz.prevention.commons.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every failure into RFC 9457 problem details, so callers never get an HTML page, a
 * stack trace or a bare 500: bad input is a 400 naming the field, domain rules are 409/412/422,
 * and an unexpected error is a 500 with an incident id that is also in the log.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final int FIRST = jakarta.ws.rs.Priorities.USER - 100;

    @ServerExceptionMapper(priority = FIRST)
    public Response problem(ProblemException e, UriInfo uri) {
        return ProblemResponses.of(e.type(), e.type().status(), e.getMessage(), path(uri), e.errors(), e.headers());
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldName(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return ProblemResponses.of(ProblemType.VALIDATION, 400, errors.size() + " field(s) not valid", path(uri), errors,
                Map.of());
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response unrecognizedField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = jsonPath(e);
        return ProblemResponses.of(ProblemType.MALFORMED_REQUEST, 400, "unknown field '" + e.getPropertyName() + "'",
                path(uri), List.of(new Problem.FieldError(field, "unknown field")), Map.of());
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        String field = jsonPath(e);
        if (e.getTargetType() == String.class) {
            return ProblemResponses.of(ProblemType.MALFORMED_REQUEST, 400, "'" + field + "' contains control characters",
                    path(uri), List.of(new Problem.FieldError(field, "control characters are not allowed")), Map.of());
        }
        String expected = e.getTargetType() != null ? e.getTargetType().getSimpleName() : "another type";
        return ProblemResponses.of(ProblemType.MALFORMED_REQUEST, 400, "value of '" + field + "' cannot be read as " + expected,
                path(uri), List.of(new Problem.FieldError(field, "expected " + expected)), Map.of());
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = jsonPath(e);
        return ProblemResponses.of(ProblemType.MALFORMED_REQUEST, 400,
                field.isEmpty() ? "the body does not have the expected JSON shape" : "'" + field + "' has the wrong JSON type",
                path(uri), field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, "wrong JSON type")), Map.of());
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String where = e.getLocation() != null
                ? " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"
                : "";
        return ProblemResponses.of(ProblemType.MALFORMED_REQUEST, 400, "the body is not valid JSON" + where, path(uri),
                List.of(), Map.of());
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return ProblemResponses.of(ProblemType.CONFLICT, 409,
                "someone changed this resource at the same time; read it again and retry", path(uri), List.of(), Map.of());
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemResponses.of(ProblemType.FORBIDDEN, 403, "the caller's roles do not allow this operation", path(uri),
                List.of(), Map.of());
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response invalidParameter(InvalidParameterException e, UriInfo uri) {
        return ProblemResponses.of(ProblemType.VALIDATION, 400, e.getMessage(), path(uri),
                List.of(new Problem.FieldError(e.parameter(), e.reason())), Map.of());
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response http(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Map<String, String> headers = new java.util.HashMap<>();
        for (String h : List.of(HttpHeaders.ALLOW, HttpHeaders.WWW_AUTHENTICATE, HttpHeaders.RETRY_AFTER)) {
            String value = original.getHeaderString(h);
            if (value != null) {
                headers.put(h, value);
            }
        }
        String detail = status == 404 ? "no resource at this path" : e.getMessage();
        return ProblemResponses.of(ProblemType.forStatus(status), status, detail, path(uri), List.of(), headers);
    }

    @ServerExceptionMapper(priority = FIRST + 50)
    public Response unexpected(Throwable e, UriInfo uri) {
        var known = DatabaseFailures.asProblem(e);
        if (known.isPresent()) {
            // A race or an outage, not a bug: logged without the database's text, which may quote the data.
            LOG.infof("%s on %s (SQLSTATE %s)", known.get().type(), path(uri), DatabaseFailures.sqlState(e));
            return problem(known.get(), uri);
        }
        if (ClientDisconnects.causedBy(e)) {
            // Nobody is left to read this answer; one line, no incident.
            LOG.debugf("the client closed its connection during %s", path(uri));
            return ProblemResponses.of(ProblemType.MALFORMED_REQUEST, 400,
                    "the connection closed before the request body was complete", path(uri), List.of(), Map.of());
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "incident %s on %s", incident, path(uri));
        return ProblemResponses.incident(incident, path(uri));
    }

    private static Response unauthenticated(UriInfo uri) {
        return ProblemResponses.of(ProblemType.UNAUTHORIZED, 401, "send a valid, unexpired bearer token of realm prevention",
                path(uri), List.of(), Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"prevention\""));
    }

    private static String path(UriInfo uri) {
        return uri != null ? uri.getRequestUri().getRawPath() : null;
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** "create.arg0.person.iin" → "person.iin": callers know their body's fields, not our method names. */
    static String fieldName(Path path) {
        List<String> nodes = new ArrayList<>();
        for (Path.Node n : path) {
            if (n.getName() != null) {
                nodes.add(n.getName() + (n.getIndex() != null ? "[" + n.getIndex() + "]" : ""));
            }
        }
        boolean methodParameter = path.iterator().next().getKind() == jakarta.validation.ElementKind.METHOD;
        if (methodParameter && !nodes.isEmpty()) {
            nodes = nodes.subList(1, nodes.size());
            // A body's own fields follow its parameter node; a query or path parameter stands alone.
            if (nodes.size() >= 2) {
                nodes = nodes.subList(1, nodes.size());
            }
        }
        return nodes.isEmpty() ? "body" : String.join(".", nodes);
    }
}
