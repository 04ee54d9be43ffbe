package kz.prevention.commons.territory;

import java.util.regex.Pattern;

import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;

/**
 * KATO codes as territorial scopes. A code's trailing zeros mark the levels below it left open:
 * {@code 750000000} (the city of Almaty) covers every code starting with 75, {@code 751110000}
 * every code starting with 75111, and the republic ({@code 000000000}) everything.
 */
public final class KatoScope {

    private static final Pattern CODE = Pattern.compile("[0-9]{9}");
    public static final String REPUBLIC = "000000000";

    private KatoScope() {
    }

    public static boolean isCode(String value) {
        return value != null && CODE.matcher(value).matches();
    }

    /** The prefix every code within this scope starts with ("" for the republic). */
    public static String prefix(String scope) {
        int end = scope.length();
        while (end > 0 && scope.charAt(end - 1) == '0') {
            end--;
        }
        return scope.substring(0, end);
    }

    public static boolean covers(String scope, String code) {
        return isCode(scope) && isCode(code) && code.startsWith(prefix(scope));
    }

    /**
     * The prefix a search narrowed to {@code requested} filters on, when it lies within the
     * caller's territory ({@code callerPrefix}); a 400 problem for a malformed code, a 403 for
     * one outside the territory.
     */
    public static String narrow(String requested, String callerPrefix) {
        if (!isCode(requested)) {
            throw ProblemException.field(ProblemType.VALIDATION, "region", "a 9-digit KATO code");
        }
        String prefix = prefix(requested);
        if (!prefix.startsWith(callerPrefix)) {
            throw ProblemException.field(ProblemType.FORBIDDEN, "region", "outside your territory");
        }
        return prefix;
    }

    /** The top-level region (oblast or city of republican significance) a code lies in. */
    public static String topLevel(String code) {
        return code.substring(0, 2) + "0000000";
    }
}
