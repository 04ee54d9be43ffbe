package kz.prevention.devstack.process;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Progress on the terminal: what is happening, how long it has taken, and what to do on failure. */
public final class Console {

    private final long startedNanos = System.nanoTime();

    public void step(String component, String message) {
        System.out.printf("[%4ds] %-20s %s%n", elapsedSeconds(), component, message);
        System.out.flush();
    }

    /**
     * Waits for a condition, printing a progress line every 10 s.
     *
     * @return whether it came true before the timeout or before the process died
     */
    public boolean await(String component, String what, Duration timeout, BooleanSupplier condition,
            BooleanSupplier stillAlive) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextReport = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (!stillAlive.getAsBoolean()) {
                return false;
            }
            if (System.nanoTime() > nextReport) {
                step(component, "still waiting for " + what + " ...");
                nextReport = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            }
            try {
                // Fine enough for `./platform restart` to time a start to a tenth of a second.
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    public long elapsedSeconds() {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds();
    }
}
