package kz.prevention.eventing.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** A consumer thread ended by an Error makes the service not live; a living one does not. */
class ConsumerLivenessTest {

    @Test
    void aConsumerThreadEndedByAnErrorIsReportedDownByName() throws Exception {
        ConsumerLiveness liveness = new ConsumerLiveness();
        assertThat(liveness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);

        Thread healthy = new Thread(() -> { }, "inbox-healthy");
        healthy.setUncaughtExceptionHandler(liveness.watch("healthy"));
        Thread dying = new Thread(() -> {
            throw new OutOfMemoryError("Cannot reserve 10895111 bytes of direct buffer memory");
        }, "inbox-figures");
        dying.setUncaughtExceptionHandler(liveness.watch("figures"));
        healthy.start();
        dying.start();
        healthy.join();
        dying.join();

        HealthCheckResponse r = liveness.call();
        assertThat(r.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(r.getData()).isPresent();
        assertThat(r.getData().get()).containsOnlyKeys("figures");
        assertThat(r.getData().get().get("figures").toString()).startsWith("OutOfMemoryError: Cannot reserve");
    }
}
