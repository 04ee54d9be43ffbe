package kz.prevention.commission.assistant;

import java.time.LocalDate;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/**
 * registry-service's narrow question "is this IIN on the preventive registry?" — asked with this
 * service's own service-account token (client credentials, realm role {@code registry-check}), never
 * by reading the registry's database or with a user's token. The purpose header is recorded in the
 * registry's audit log with the question.
 */
@RegisterRestClient(configKey = "registry")
@OidcClientFilter
@Path("/api/v1/registry-checks")
public interface RegistryCheckClient {

    /** Why commission-service asks, as the registry's audit log records it. */
    String PURPOSE = "public-assistant-eligibility";

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Answer check(@HeaderParam("X-Purpose") String purpose, Question question);

    record Question(String iin) {
    }

    /** The registry's answer; the groups and since-date are not kept here, only whether the IIN is on it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(Boolean onRegistry, List<String> groups, LocalDate since) {
    }
}
