package kz.prevention.commission.assistant;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Asks the registry and turns every failure — the registry down, slow (the client's read timeout),
 * refusing the token, or the token endpoint failing — into "no answer, and why", so an application
 * waits in {@code PENDING_CHECK} to be re-checked instead of failing the request. The why is a
 * status or an exception's kind: never the IIN, never a message that might echo it.
 */
@ApplicationScoped
public class RegistryCheck {

    private static final Logger LOG = Logger.getLogger(RegistryCheck.class);

    @Inject
    @RestClient
    RegistryCheckClient client;

    /** The answer (on the registry or not), or the problem that prevented one. */
    public record Result(Optional<Boolean> onRegistry, String problem) {
        static Result answered(boolean onRegistry) {
            return new Result(Optional.of(onRegistry), null);
        }

        static Result unavailable(String problem) {
            return new Result(Optional.empty(), problem);
        }
    }

    public Result ask(String iin) {
        try {
            RegistryCheckClient.Answer a = client.check(RegistryCheckClient.PURPOSE, new RegistryCheckClient.Question(iin));
            if (a == null || a.onRegistry() == null) {
                return Result.unavailable("registry-service gave an answer without onRegistry");
            }
            return Result.answered(a.onRegistry());
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            LOG.warnf("registry check refused or failed with HTTP %d; the application waits for a re-check", status);
            return Result.unavailable("registry-service answered HTTP " + status);
        } catch (RuntimeException e) { // ProcessingException (connection, timeout), the OIDC client failing, ...
            String kind = rootCause(e).getClass().getSimpleName();
            LOG.warnf("registry check got no answer (%s); the application waits for a re-check", kind);
            return Result.unavailable("registry-service did not answer (" + kind + ")");
        }
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }
}
