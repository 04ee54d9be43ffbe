package kz.prevention.registry.summary;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.prevention.commons.access.Roles;
import kz.prevention.commons.territory.Today;
import kz.prevention.reference.organisation.Organisations;
import kz.prevention.registry.access.RegistryAccess;

/**
 * The narrow question measures-service asks for an executing organisation (issue 10): the name and
 * age of the person a measure is about. Only for the {@code registry-summary} service-account role,
 * which sees nothing else; the organisation (a BIN of the organisations catalog) and the purpose are
 * required and written to the audit row with the read.
 */
@Path("/api/v1/person-summaries/{personId}")
@Tag(name = "person-summaries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.REGISTRY_SUMMARY)
public class PersonSummaryResource {

    @Inject
    PersonSummaries summaries;
    @Inject
    Organisations organisations;
    @Inject
    RegistryAccess access;
    @Inject
    Today today;

    @GET
    @Operation(summary = "Name and age of a person with an active entry, for the organisation executing a measure"
            + " (service accounts with the registry-summary role)",
            description = "Never the birth date, IIN, address, category or case. 404 alike for an unknown person and one"
                    + " without an active entry. Needs X-Purpose and the organisation; every answer is in the audit log.")
    @Parameter(name = "X-Purpose", in = ParameterIn.HEADER, required = true,
            description = "Why you ask (e.g. the measure), URL-encoded", example = "executing measure 3f1c…",
            schema = @Schema(type = SchemaType.STRING, maxLength = 200))
    @APIResponse(responseCode = "200", description = "the summary")
    @APIResponse(responseCode = "400", description = "X-Purpose is missing, or organisation is not a BIN")
    @APIResponse(responseCode = "404", description = "no person with an active entry by this id")
    @APIResponse(responseCode = "422", description = "organisation is not in the organisations catalog in force today")
    public PersonSummaryAnswer summary(@PathParam("personId") UUID personId,
            @Parameter(description = "BIN of the organisation the measure is assigned to", required = true,
                    example = "990540004566") @QueryParam("organisation") String organisation) {
        access.requirePurpose("for a person summary");
        String bin = organisations.require(organisation, "organisation", today.date()).bin();
        return summaries.of(personId, bin, today.date());
    }
}
