package kz.prevention.registry.check;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.prevention.commons.access.Roles;
import kz.prevention.persistence.read.AuditedRead;
import kz.prevention.registry.access.RegistryAccess;

/**
 * The narrow question other systems ask (issue 10): is this IIN on the registry? Only for the
 * {@code registry-check} service-account role, which sees nothing else; the registry's own roles
 * use the scoped searches instead. Asked with POST so the IIN stays out of URLs and access logs;
 * audited as a read (one row per check, with the purpose, and the person when one was found).
 */
@Path("/api/v1/registry-checks")
@Tag(name = "registry-checks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.REGISTRY_CHECK)
public class RegistryCheckResource {

    @Inject
    RegistryCheck registryCheck;
    @Inject
    RegistryAccess access;

    @POST
    @AuditedRead
    @Operation(summary = "Is this IIN on the registry? (service accounts with the registry-check role)",
            description = "Country-wide yes/no: the category groups of the person's active entries and the earliest start"
                    + " date, or {\"onRegistry\": false} for an unknown IIN or one without an active entry. Never names,"
                    + " ids, territory or case numbers. Needs X-Purpose; every check is in the audit log.")
    @Parameter(name = "X-Purpose", in = ParameterIn.HEADER, required = true,
            description = "Why you ask (a case or request number), URL-encoded", example = "commission-case-2026-0042",
            schema = @Schema(type = SchemaType.STRING, maxLength = 200))
    @APIResponse(responseCode = "200", description = "the answer")
    @APIResponse(responseCode = "400", description = "the IIN is not a valid IIN, or X-Purpose is missing")
    public RegistryCheckAnswer check(@Valid @NotNull RegistryCheckRequest request) {
        access.requirePurpose("for a registry check");
        return registryCheck.check(request.iin());
    }
}
