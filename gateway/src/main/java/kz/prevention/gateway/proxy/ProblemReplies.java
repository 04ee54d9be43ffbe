package kz.prevention.gateway.proxy;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.Startup;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import kz.prevention.commons.problem.Problem;
import kz.prevention.commons.problem.ProblemType;

/**
 * The gateway's own answers (401, 404, 413, 429, 502-504) as RFC 9457 problem details, the same
 * shape and type URNs the services use, written straight to the Vert.x response because the
 * proxy routes are not JAX-RS resources.
 */
@ApplicationScoped
@Startup
public class ProblemReplies {

    private final ObjectMapper mapper;

    public ProblemReplies(ObjectMapper mapper) {
        this.mapper = mapper;
        // Load Jackson's serializers for the problem now, not on an event loop at the first refusal.
        body(ProblemType.NOT_FOUND, "warm-up", "/");
    }

    public Buffer body(ProblemType type, String detail, String instance) {
        Problem problem = new Problem(type.uri(), type.title(), type.status(), detail, instance, null, List.of());
        try {
            return Buffer.buffer(mapper.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem record always serialises", e);
        }
    }

    /** Ends the response with the problem, unless an answer has already begun. */
    public void send(HttpServerResponse response, ProblemType type, String detail, String instance) {
        if (response.headWritten() || response.ended() || response.closed()) {
            return;
        }
        Buffer body = body(type, detail, instance);
        response.setStatusCode(type.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Cache-Control", "no-store")
                .end(body);
    }
}
