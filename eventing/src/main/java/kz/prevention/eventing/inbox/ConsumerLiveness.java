package kz.prevention.eventing.inbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.jboss.logging.Logger;

/**
 * Whether every inbox consumer is still consuming. A consumer loop rides out exceptions (it
 * reconnects), but an Error ends its thread: e.g. "Cannot reserve … bytes of direct buffer memory"
 * from a Kafka fetch, which {@code -XX:+ExitOnOutOfMemoryError} does not catch because the JDK's
 * Java code throws it. The service would then answer HTTP as healthy while nothing it consumes
 * moves (the fault drill found reporting in that state). So a consumer's death is a liveness
 * failure: the orchestrator restarts the service, and the inbox resumes from its committed offsets.
 */
@Liveness
@ApplicationScoped
public class ConsumerLiveness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(ConsumerLiveness.class);

    private final Map<String, String> deaths = new ConcurrentHashMap<>();

    /** The uncaught-exception handler of a consumer's thread. */
    Thread.UncaughtExceptionHandler watch(String consumer) {
        return (thread, error) -> died(consumer, error);
    }

    void died(String consumer, Throwable error) {
        deaths.put(consumer, error.getClass().getSimpleName() + ": " + error.getMessage());
        LOG.errorf(error, "inbox consumer %s stopped; the service reports itself not live so that it is restarted", consumer);
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("inbox consumers").status(deaths.isEmpty());
        deaths.forEach(b::withData);
        return b.build();
    }
}
