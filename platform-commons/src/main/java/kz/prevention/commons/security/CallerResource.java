package kz.prevention.commons.security;

import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

/** Tells callers what the service understood of their token: a first check for integrators. */
@Path("/api/v1/me")
@Tag(name = "caller")
@Authenticated
public class CallerResource {

    @Inject
    Caller caller;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The caller as this service sees it: name, roles, agency, region, unit, organisation")
    public Me me() {
        return new Me(caller.username(), caller.clientId(), new TreeSet<>(caller.roles()),
                caller.agency().orElse(null), caller.region().orElse(null), caller.unit().orElse(null),
                caller.organisation().orElse(null));
    }

    public record Me(String username, String client, Set<String> roles, String agency, String region, String unit,
            String organisation) {
    }
}
