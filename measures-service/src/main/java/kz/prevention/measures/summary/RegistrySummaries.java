package kz.prevention.measures.summary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.measures.measure.Measure;

/**
 * Asks the registry for the person of a measure, on behalf of the organisation it is assigned to.
 * The registry's 404 (no active entry: removed, or never there) is a 404 here too; any other
 * failure — the registry down or slow, the token refused, the token endpoint failing — a 503, never
 * a 500, logged by its status or kind only (never a name or an id of the person).
 */
@ApplicationScoped
public class RegistrySummaries {

    private static final Logger LOG = Logger.getLogger(RegistrySummaries.class);

    @Inject
    @RestClient
    PersonSummaryClient client;

    public PersonSummaryClient.Answer of(Measure m) {
        try {
            PersonSummaryClient.Answer a = client.summary(m.plan.personId, m.organisation, "executing measure " + m.id);
            if (a == null || a.name() == null || a.age() == null) {
                throw unavailable("registry-service gave a summary without name or age");
            }
            return a;
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            if (status == 404) {
                throw new ProblemException(ProblemType.NOT_FOUND,
                        "the registry holds no active entry for this measure's person");
            }
            LOG.warnf("registry summary refused or failed with HTTP %d", status);
            throw unavailable("registry-service answered HTTP " + status);
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) { // ProcessingException (connection, timeout), the OIDC client failing, ...
            String kind = rootCause(e).getClass().getSimpleName();
            LOG.warnf("registry summary got no answer (%s)", kind);
            throw unavailable("registry-service did not answer (" + kind + ")");
        }
    }

    private static ProblemException unavailable(String why) {
        return new ProblemException(ProblemType.UNAVAILABLE, why + "; try again shortly");
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }
}
