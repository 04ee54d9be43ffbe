package kz.prevention.commons.concurrency;

import java.util.Map;

import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;

/**
 * Optimistic concurrency over HTTP: a resource's ETag is its version; every update must send it
 * back in If-Match, and a stale one is refused with 412 instead of silently overwriting.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * @throws ProblemException 428 when If-Match is missing, 412 when it names another version
     */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "send If-Match with the ETag you last read (e.g. If-Match: " + of(currentVersion) + ")");
        }
        String value = ifMatch.trim();
        if (value.equals("*")) {
            return;
        }
        for (String candidate : value.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(of(currentVersion))) {
                return;
            }
        }
        throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                "the resource is at version " + of(currentVersion) + " but If-Match says " + value
                        + "; read it again, reapply your change and retry",
                java.util.List.of(), Map.of("ETag", of(currentVersion)));
    }
}
