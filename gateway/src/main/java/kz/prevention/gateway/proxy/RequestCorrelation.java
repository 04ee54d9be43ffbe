package kz.prevention.gateway.proxy;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

import io.vertx.core.http.HttpServerRequest;

/**
 * The request id and W3C trace context the gateway stamps on every request it forwards and
 * every answer it gives. A caller's own {@code X-Request-Id} is kept when it is short and
 * plain; a valid {@code traceparent} is continued with a new span id (the gateway is a hop),
 * otherwise a new sampled trace starts here.
 *
 * <p>Written here rather than taken from eventing's TraceParent so the gateway does not pull in
 * Kafka; the two follow the same W3C rules.
 */
public record RequestCorrelation(String requestId, String traceparent) {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String TRACEPARENT = "traceparent";

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern TRACE = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public static RequestCorrelation of(HttpServerRequest request) {
        String id = request.getHeader(REQUEST_ID);
        if (id == null || !SAFE_ID.matcher(id).matches()) {
            id = UUID.randomUUID().toString();
        }
        return new RequestCorrelation(id, continueTrace(request.getHeader(TRACEPARENT)));
    }

    static String continueTrace(String incoming) {
        String span = HexFormat.of().formatHex(randomBytes(8));
        if (incoming != null && TRACE.matcher(incoming.trim()).matches()) {
            String t = incoming.trim();
            String traceId = t.substring(3, 35);
            if (!traceId.equals("0".repeat(32)) && !t.substring(36, 52).equals("0".repeat(16))) {
                return "00-" + traceId + "-" + span + t.substring(52);
            }
        }
        return "00-" + HexFormat.of().formatHex(randomBytes(16)) + "-" + span + "-01";
    }

    public String traceId() {
        return traceparent.substring(3, 35);
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
