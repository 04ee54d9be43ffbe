package kz.prevention.commons.problem;

import jakarta.ws.rs.BadRequestException;

/**
 * A query or path parameter that cannot be read. A {@code WebApplicationException}, because
 * Quarkus REST passes those from a parameter converter through unchanged; anything else a
 * converter throws becomes a bare 404 for query parameters (the JAX-RS rule).
 */
public class InvalidParameterException extends BadRequestException {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(parameter + ": " + message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    public String reason() {
        String message = getMessage();
        return message.substring(parameter.length() + 2);
    }
}
