package kz.prevention.commons.territory;

import java.util.regex.Pattern;

import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;

/**
 * KATO codes as territorial scopes. The nine digits are {@code AB CD EF HIJ}: region, district
 * (or city of regional significance), rural district (or town), settlement; zeros fill the levels
 * below the object's own. A scope is the prefix at the code's own level — Abai {@code 100000000}
 * is {@code 10}, the district {@code 271000000} is {@code 2710}, the rural district
 * {@code 271010000} is {@code 271010} — never the code with its trailing zeros stripped ({@code 1},
 * {@code 271}, {@code 27101}), which would take in sibling territories. The republic
 * ({@code 000000000}) covers everything.
 */
public final class KatoScope {

    private static final Pattern CODE = Pattern.compile("[0-9]{9}");
    public static final String REPUBLIC = "000000000";
    /** Where each level's own digits end: region, district, rural district, settlement. */
    private static final int[] LEVEL_ENDS = {2, 4, 6, 9};

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
        for (int end : LEVEL_ENDS) {
            if (allZero(scope, end)) {
                return scope.substring(0, end);
            }
        }
        return scope;
    }

    /** 0 for the republic, 1 region, 2 district, 3 rural district, 4 settlement. */
    public static int level(String code) {
        String p = prefix(code);
        for (int i = 0; i < LEVEL_ENDS.length; i++) {
            if (p.length() == LEVEL_ENDS[i]) {
                return i + 1;
            }
        }
        return 0;
    }

    private static boolean allZero(String code, int from) {
        for (int i = from; i < code.length(); i++) {
            if (code.charAt(i) != '0') {
                return false;
            }
        }
        return true;
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

    /** The district (level 2) a code lies in, or its region when it names a region. */
    public static String district(String code) {
        return code.substring(0, 4) + "00000";
    }
}
