package kz.prevention.gateway.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import kz.prevention.gateway.config.GatewayConfig;
import kz.prevention.gateway.proxy.UpstreamClient;
import kz.prevention.gateway.proxy.UpstreamRoutes;
import kz.prevention.gateway.proxy.UpstreamRoutes.Target;

/**
 * Reads documents every service publishes (its OpenAPI, the AsyncAPI of the event catalog, its
 * health) over the gateway's pooled client, each call bounded by the probe timeout.
 */
@ApplicationScoped
public class UpstreamDocuments {

    private final WebClient web;
    private final UpstreamRoutes routes;
    private final ObjectMapper mapper;
    private final long timeoutMs;

    public UpstreamDocuments(UpstreamClient upstreams, UpstreamRoutes routes, ObjectMapper mapper, GatewayConfig config) {
        this.web = WebClient.wrap(upstreams.client());
        this.routes = routes;
        this.mapper = mapper;
        this.timeoutMs = config.timeouts().probe().toMillis();
    }

    /** What one service answered at {@code path}: its status, or why it gave none. */
    public record Answer(Target target, int status, JsonNode body, String failure) {
        public boolean ok() {
            return status == 200 && body != null;
        }
    }

    public Uni<Answer> get(Target target, String path) {
        var request = web.get(target.port(), target.host(), path).ssl(target.tls()).timeout(timeoutMs)
                .putHeader("Accept", "application/json");
        return Uni.createFrom().completionStage(() -> request.send().toCompletionStage())
                .map(response -> answer(target, response))
                .onFailure().recoverWithItem(f -> new Answer(target, 0, null,
                        f.getClass().getSimpleName() + (f.getMessage() == null ? "" : ": " + f.getMessage())));
    }

    /** The same path of every service, in route order. */
    public Uni<List<Answer>> getAll(String path) {
        List<Uni<Answer>> calls = new ArrayList<>();
        routes.targets().values().forEach(t -> calls.add(get(t, path)));
        if (calls.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.join().all(calls).andFailFast();
    }

    /** The first service that answers 200 at {@code path}, in route order. */
    public Uni<Optional<Answer>> first(String path) {
        return getAll(path).map(answers -> answers.stream().filter(Answer::ok).findFirst());
    }

    private Answer answer(Target target, HttpResponse<Buffer> response) {
        JsonNode body = null;
        String failure = null;
        if (response.body() != null && response.body().length() > 0) {
            try {
                body = mapper.readTree(response.body().getBytes());
            } catch (java.io.IOException e) {
                failure = "not JSON: " + e.getMessage();
            }
        }
        return new Answer(target, response.statusCode(), body, failure);
    }
}
