package kz.prevention.persistence.idempotency;

import java.util.function.Function;
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
 * A creating call with an optional {@code Idempotency-Key}. The key is claimed in the creating
 * transaction, so of concurrent requests with one key exactly one creates (the others wait for it
 * at the claim), and a retry — concurrent or later — gets the created resource again through
 * {@code replay}: the service's normal, authorised and audited read of it, answered 201 with
 * {@code Idempotent-Replayed: true}. A key reused for a different request is refused (422).
 *
 * <pre>{@code
 * return idempotent.create(key, request,
 *         () -> { Entry e = service.register(request); return new Created("/api/v1/entries/" + e.id, e.version, view(e)); },
 *         location -> read(idOf(location)));
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

    public Response create(String idempotencyKey, Object request, Supplier<Created> creation,
            Function<String, Response> replay) {
        String key = IdempotencyKeys.validate(idempotencyKey);
        if (key == null) {
            return created(QuarkusTransaction.requiringNew().call(creation::get));
        }
        String callerId = caller.subject() != null ? caller.subject() : caller.username();
        String hash = IdempotencyKeys.hash(json(request));
        Created created = QuarkusTransaction.requiringNew().call(() -> {
            if (!keys.claim(callerId, key, hash)) {
                return null;
            }
            Created c = creation.get();
            keys.complete(callerId, key, c.location());
            return c;
        });
        if (created != null) {
            return created(created);
        }
        IdempotencyKeys.Used used = keys.find(callerId, key).orElseThrow(() -> new ProblemException(ProblemType.CONFLICT,
                "a request with this Idempotency-Key is being processed; retry in a moment"));
        if (!used.requestHash().equals(hash)) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "this Idempotency-Key was already used for a"
                    + " different request; use a new key for a new request");
        }
        Response again = replay.apply(used.resourceLocation());
        return Response.fromResponse(again).status(Response.Status.CREATED).header("Location", used.resourceLocation())
                .header("Idempotent-Replayed", "true").build();
    }

    private static Response created(Created c) {
        // A relative Location: the same behind the gateway as here, and the same in an idempotent replay.
        return Response.status(Response.Status.CREATED).header("Location", c.location())
                .header("ETag", ETags.of(c.version())).entity(c.body()).build();
    }

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new ProblemException(ProblemType.INTERNAL, "could not serialise the request");
        }
    }
}
