package kz.prevention.commons.territory;

import java.util.regex.Pattern;

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

    /** The top-level region (oblast or city of republican significance) a code lies in. */
    public static String topLevel(String code) {
        return code.substring(0, 2) + "0000000";
    }
}
