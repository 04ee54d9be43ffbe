package kz.prevention.commons.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail. {@code type} is a stable URN per kind of problem (see
 * {@link ProblemType}); {@code errors} names each offending field of the request.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details (media type application/problem+json)")
public record Problem(
        @Schema(example = "urn:prevention:problem:validation") String type,
        @Schema(example = "The request is not valid") String title,
        @Schema(example = "400") int status,
        @Schema(example = "2 fields are not valid") String detail,
        @Schema(example = "/api/v1/persons") String instance,
        @Schema(description = "Set on 500 answers: quote it when reporting the incident") String incident,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(example = "person.iin") String field,
            @Schema(example = "check digit does not match") String message) {
    }
}
