package kz.prevention.commons.problem;

import java.util.List;
import java.util.Map;

/**
 * Thrown by domain code to answer with a problem: the kind, what went wrong in words a
 * caller can act on, and optionally the fields at fault.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.FieldError> errors;
    private final Map<String, String> headers;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of(), Map.of());
    }

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        this(type, detail, errors, Map.of());
    }

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors, Map<String, String> headers) {
        super(detail);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " does not exist or is not visible to the caller");
    }

    public static ProblemException field(ProblemType type, String field, String message) {
        return new ProblemException(type, field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
