package kz.prevention.commons.problem;

import java.nio.channels.ClosedChannelException;

import io.vertx.core.http.HttpClosedException;

/**
 * Tells a client that went away from a fault of ours: when the caller closes its connection while
 * its request body is still being read (a load tool stopping, a browser tab closed, a mobile
 * network dropping), reading the body fails with the closed channel somewhere in the cause chain.
 * Nothing is wrong with the service, so it must not be logged as an incident with a stack trace —
 * a log full of those hides the real ones.
 */
public final class ClientDisconnects {

    private ClientDisconnects() {
    }

    /** Whether the failure is the caller's connection closing under the request. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpClosedException || t instanceof ClosedChannelException) {
                return true;
            }
        }
        return false;
    }
}
