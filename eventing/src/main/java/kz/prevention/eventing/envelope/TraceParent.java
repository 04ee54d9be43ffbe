package kz.prevention.eventing.envelope;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** W3C trace-context {@code traceparent} values: validated when received, generated when absent. */
public final class TraceParent {

    private static final Pattern VALID = Pattern.compile("^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TraceParent() {
    }

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches()
                && !value.substring(3, 35).equals("0".repeat(32))
                && !value.substring(36, 52).equals("0".repeat(16));
    }

    /** A new root trace, sampled. */
    public static String newRoot() {
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        RANDOM.nextBytes(trace);
        RANDOM.nextBytes(span);
        return "00-" + HexFormat.of().formatHex(trace) + "-" + HexFormat.of().formatHex(span) + "-01";
    }

    /** The same trace, a new span id: what a producer stamps on an event caused by {@code parent}. */
    public static String childOf(String parent) {
        if (!isValid(parent)) {
            return newRoot();
        }
        byte[] span = new byte[8];
        RANDOM.nextBytes(span);
        return parent.substring(0, 36) + HexFormat.of().formatHex(span) + parent.substring(52);
    }
}
