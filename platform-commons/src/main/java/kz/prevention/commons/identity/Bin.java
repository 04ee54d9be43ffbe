package kz.prevention.commons.identity;

import java.util.Optional;

/**
 * The business identification number of an organisation: 12 digits, {@code YYMM} of registration,
 * the kind of entity (4 a resident legal entity, 5 a non-resident one, 6 an individual
 * entrepreneur's joint venture), the kind of unit (0 head office, 1 branch, 2 representative
 * office, 3 peasant farm), five serial digits and a check digit computed exactly as the IIN's
 * ({@link Iin#checkDigit}, the same two rounds of weights). A measure is assigned to an
 * organisation by its BIN, and an executor's token names its organisation by it.
 */
public final class Bin {

    private Bin() {
    }

    /** Why the text is not a BIN, or empty when it is one; the reason never echoes the value. */
    public static Optional<String> problem(String raw) {
        if (raw == null || !raw.matches("[0-9]{12}")) {
            return Optional.of("must be 12 digits");
        }
        int[] d = raw.chars().map(c -> c - '0').toArray();
        int month = d[2] * 10 + d[3];
        if (month < 1 || month > 12) {
            return Optional.of("digits 3–4 must be the month of registration (01–12)");
        }
        if (d[4] < 4 || d[4] > 6) {
            return Optional.of("5th digit must be 4–6 (the kind of entity)");
        }
        if (d[5] > 3) {
            return Optional.of("6th digit must be 0–3 (head office, branch, representative office, peasant farm)");
        }
        Optional<Integer> check = Iin.checkDigit(d);
        if (check.isEmpty() || check.get() != d[11]) {
            return Optional.of("check digit does not match");
        }
        return Optional.empty();
    }

    public static boolean isValid(String raw) {
        return problem(raw).isEmpty();
    }
}
