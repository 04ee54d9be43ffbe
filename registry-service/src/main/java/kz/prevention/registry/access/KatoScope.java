package kz.prevention.registry.access;

import java.util.regex.Pattern;

/**
 * KATO codes as territorial scopes. A 9-digit code names a level by its trailing zeros:
 * {@code 750000000} is the city of Almaty and covers every code starting with 75;
 * {@code 751110000} is a district and covers codes starting with 7511; and so on.
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
        if (REPUBLIC.equals(scope)) {
            return "";
        }
        if (scope.endsWith("0000000")) {
            return scope.substring(0, 2);
        }
        if (scope.endsWith("00000")) {
            return scope.substring(0, 4);
        }
        if (scope.endsWith("000")) {
            return scope.substring(0, 6);
        }
        return scope;
    }

    public static boolean covers(String scope, String code) {
        return isCode(scope) && isCode(code) && code.startsWith(prefix(scope));
    }

    /** The top-level region (oblast or city of republican significance) a code lies in. */
    public static String topLevel(String code) {
        return code.substring(0, 2) + "0000000";
    }
}
