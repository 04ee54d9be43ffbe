package kz.prevention.commons.problem;

import java.util.Arrays;

/**
 * Query parameters read as text and parsed here, because JAX-RS answers a query parameter it
 * cannot convert with 404 — a caller who misspelt a status deserves a 400 naming the field.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** Null for an absent or blank value; a 400 problem listing the valid values otherwise. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.field(ProblemType.VALIDATION, field,
                    "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
