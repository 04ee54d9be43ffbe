package kz.prevention.eventing.support;

import java.time.Duration;

/**
 * Exponential backoff between retries, doubling from a minimum to a cap; waiting can be cut
 * short by {@link #wake()} (shutdown, resume).
 */
public final class Backoff {

    private final long minMillis;
    private final long maxMillis;
    private long currentMillis;
    private final Object monitor = new Object();

    public Backoff(Duration min, Duration max) {
        this.minMillis = Math.max(1, min.toMillis());
        this.maxMillis = Math.max(minMillis, max.toMillis());
        this.currentMillis = 0;
    }

    /** Waits the next delay of the sequence. */
    public void pause() {
        currentMillis = currentMillis == 0 ? minMillis : Math.min(maxMillis, currentMillis * 2);
        waitFor(Duration.ofMillis(currentMillis));
    }

    public void reset() {
        currentMillis = 0;
    }

    public long currentMillis() {
        return currentMillis;
    }

    /** Waits up to {@code d}, returning early when woken or interrupted. */
    public void waitFor(Duration d) {
        synchronized (monitor) {
            try {
                monitor.wait(Math.max(1, d.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public void wake() {
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }
}
