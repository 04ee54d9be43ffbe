package kz.prevention.eventing.support;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * Periodic upkeep (pruning tables that would otherwise grow without end) on one daemon thread of
 * its own, never on a thread that serves requests or consumes events. Tasks are idempotent, so
 * several replicas doing the same one is harmless.
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    /** A unit of upkeep; returns how many rows it removed (for the log). */
    @FunctionalInterface
    public interface Task {
        int run() throws Exception;
    }

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "housekeeping");
        t.setDaemon(true);
        return t;
    });

    public void every(Duration period, String what, Task task) {
        long ms = Math.max(1000, period.toMillis());
        executor.scheduleWithFixedDelay(() -> {
            try {
                int n = task.run();
                if (n > 0) {
                    LOG.infof("%s: %d rows", what, n);
                }
            } catch (Exception e) {
                LOG.warnf("%s failed (%s); will try again in %s", what, e.getMessage(), period);
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
