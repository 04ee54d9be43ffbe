package kz.prevention.eventing.outbox;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Wakes the relay when this JVM committed an outbox row, so events leave within milliseconds
 * without a NOTIFY per row (which takes a cluster-wide lock at every commit). A wake that comes
 * while the relay is busy is remembered, so none is lost between two polls.
 */
@ApplicationScoped
public class RelaySignal {

    private final Object monitor = new Object();
    private boolean pending;

    public void wake() {
        synchronized (monitor) {
            pending = true;
            monitor.notifyAll();
        }
    }

    /** Returns at once if woken since the last call; otherwise waits up to {@code timeout}. */
    public void await(Duration timeout) throws InterruptedException {
        synchronized (monitor) {
            if (!pending) {
                monitor.wait(Math.max(1, timeout.toMillis()));
            }
            pending = false;
        }
    }
}
