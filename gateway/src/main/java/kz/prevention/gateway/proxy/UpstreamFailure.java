package kz.prevention.gateway.proxy;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ConnectTimeoutException;
import kz.prevention.commons.problem.ProblemType;

/**
 * Why a service gave no answer, as the status the caller should see: refused connection = the
 * service is down (503), no answer in time = 504, anything else (reset, malformed answer) = 502.
 */
enum UpstreamFailure {
    DOWN(ProblemType.UNAVAILABLE, "is not accepting connections; retry later"),
    TIMEOUT(ProblemType.GATEWAY_TIMEOUT, "did not answer in time; the request may or may not have been applied"),
    BROKEN(ProblemType.BAD_GATEWAY, "closed the connection or answered unreadably");

    private final ProblemType type;
    private final String text;

    UpstreamFailure(ProblemType type, String text) {
        this.type = type;
        this.text = text;
    }

    static UpstreamFailure of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectTimeoutException || t instanceof TimeoutException) {
                return TIMEOUT;
            }
            if (t instanceof ConnectException) {
                return DOWN;
            }
        }
        return BROKEN;
    }

    ProblemType type() {
        return type;
    }

    String detail(String service) {
        return service + " " + text;
    }
}
