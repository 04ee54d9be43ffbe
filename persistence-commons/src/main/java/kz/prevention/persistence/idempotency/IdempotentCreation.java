package kz.prevention.persistence.idempotency;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import kz.prevention.commons.concurrency.ETags;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.commons.security.Caller;

/**
 * A creating call with an optional {@code Idempotency-Key}: the creation and the stored first
 * response commit in one transaction, and a retry with the same key and body gets that response.
 * A concurrent retry that loses the race answers with the winner's response.
 *
 * <pre>{@code
 * return idempotent.create(key, request, () -> {
 *     Entry e = service.register(request);          // joins the transaction opened here
 *     return new IdempotentCreation.Created("/api/v1/entries/" + e.id, e.version, view(e));
 * });
 * }</pre>
 */
@ApplicationScoped
public class IdempotentCreation {

    @Inject
    IdempotencyKeys keys;
    @Inject
    Caller caller;
    @Inject
    ObjectMapper mapper;

    /** What a creation produced. */
    public record Created(String location, long version, Object body) {
    }

    public Response create(String idempotencyKey, Object request, Supplier<Created> creation) {
        String key = IdempotencyKeys.validate(idempotencyKey);
        String callerId = caller.subject() != null ? caller.subject() : caller.username();
        String hash = key == null ? null : IdempotencyKeys.hash(json(request));
        if (key != null) {
            var stored = keys.find(callerId, key, hash);
            if (stored.isPresent()) {
                return stored.get().toResponse();
            }
        }
        try {
            Created created = QuarkusTransaction.requiringNew().call(() -> {
                Created c = creation.get();
                if (key != null) {
                    keys.remember(callerId, key, hash,
                            new IdempotencyKeys.Stored(201, c.location(), ETags.of(c.version()), json(c.body())));
                }
                return c;
            });
            // A relative Location: the same behind the gateway as here, and the same in an idempotent replay.
            return Response.status(Response.Status.CREATED).header("Location", created.location())
                    .header("ETag", ETags.of(created.version())).entity(created.body()).build();
        } catch (IdempotencyKeys.ConcurrentRetryException raced) {
            return keys.find(callerId, key, hash).orElseThrow().toResponse();
        }
    }

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new ProblemException(ProblemType.INTERNAL, "could not serialise the request");
        }
    }
}
