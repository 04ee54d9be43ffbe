package kz.prevention.measures.summary;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/**
 * registry-service's narrow question "who is the person this organisation works with?" — name and
 * age of a person with an active entry, nothing else — asked with this service's own
 * service-account token (client credentials, realm role {@code registry-summary}), never with the
 * executor's token (an executor may not read the registry) and never from the registry's database.
 * The same mechanism as commission-service's registry check. The registry audits each question with
 * the organisation and the purpose.
 */
@RegisterRestClient(configKey = "registry")
@OidcClientFilter
@Path("/api/v1/person-summaries")
public interface PersonSummaryClient {

    @GET
    @Path("/{personId}")
    @Produces(MediaType.APPLICATION_JSON)
    Answer summary(@PathParam("personId") UUID personId, @QueryParam("organisation") String organisation,
            @HeaderParam("X-Purpose") String purpose);

    /** Name and age in whole years; the birth date never leaves the registry. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(String name, Integer age) {
    }
}
