package kz.prevention.eventing.kafka;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the broker's topics contradict the event catalog (a partition count changed): the
 * topics are checked beside the start rather than on its path, so the mismatch that used to stop
 * the start now keeps the service out of its load balancer, with the reason in the health answer.
 */
@Readiness
@ApplicationScoped
public class TopicsReadiness implements HealthCheck {

    private final TopicProvisioner topics;

    public TopicsReadiness(TopicProvisioner topics) {
        this.topics = topics;
    }

    @Override
    public HealthCheckResponse call() {
        String mismatch = topics.mismatch();
        return mismatch == null ? HealthCheckResponse.up("event topics")
                : HealthCheckResponse.named("event topics").down().withData("mismatch", mismatch).build();
    }
}
