package kz.prevention.gateway.health;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.mutiny.Uni;
import kz.prevention.gateway.openapi.UpstreamDocuments;
import kz.prevention.gateway.openapi.UpstreamDocuments.Answer;

/**
 * The state of every service behind the gateway, from each one's own readiness. In the
 * gateway's readiness it is information only (the check stays UP): one service being down must
 * not take the entry to all the others out of a load balancer. The group
 * {@code /q/health/group/upstreams} is DOWN when any service is.
 */
public class UpstreamsHealth {

    static Uni<HealthCheckResponse> probe(UpstreamDocuments documents, String name, boolean strict) {
        return documents.getAll("/q/health/ready").map(answers -> response(name, answers, strict));
    }

    static HealthCheckResponse response(String name, List<Answer> answers, boolean strict) {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named(name);
        boolean allUp = true;
        for (Answer a : answers) {
            boolean up = a.status() == 200;
            allUp &= up;
            String state = up ? "UP" : a.failure() != null ? "DOWN (" + a.failure() + ")" : "DOWN (HTTP " + a.status() + ")";
            builder.withData(a.target().service(), state);
        }
        return builder.status(!strict || allUp).build();
    }

    @Readiness
    @ApplicationScoped
    public static class Overview implements AsyncHealthCheck {
        private final UpstreamDocuments documents;

        public Overview(UpstreamDocuments documents) {
            this.documents = documents;
        }

        @Override
        public Uni<HealthCheckResponse> call() {
            return probe(documents, "services behind the gateway", false);
        }
    }

    @HealthGroup("upstreams")
    @ApplicationScoped
    public static class Strict implements AsyncHealthCheck {
        private final UpstreamDocuments documents;

        public Strict(UpstreamDocuments documents) {
            this.documents = documents;
        }

        @Override
        public Uni<HealthCheckResponse> call() {
            return probe(documents, "services behind the gateway", true);
        }
    }
}
