package kz.prevention.measures.summary;

import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.prevention.commons.access.Roles;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.measures.access.MeasuresAccess;
import kz.prevention.measures.measure.Measure;
import kz.prevention.measures.measure.MeasureLoader;
import kz.prevention.measures.measure.MeasureTypes;

/**
 * The executing organisation's view of the person it works with: the registry holds the names,
 * this service never does (its events carry none), so the name and age are asked of the registry
 * each time, and the read is audited here too (the filter writes it before the answer leaves).
 */
@Path("/api/v1/measures/{id}/summary")
@Tag(name = "measures")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REGISTRY_OFFICER, Roles.JUVENILE_INSPECTOR, Roles.MEASURES_EXECUTOR, Roles.SUPERVISOR})
public class PersonSummaryResource {

    @Inject
    MeasureLoader loader;
    @Inject
    MeasuresAccess access;
    @Inject
    MeasureTypes types;
    @Inject
    RegistrySummaries registry;

    @GET
    @Operation(summary = "The person this measure is about, for the organisation it is assigned to: name, age, what to do, by when",
            description = "Only a measures-executor whose 'organisation' claim is the measure's organisation (403 for"
                    + " those who see the measure otherwise, 404 for everyone else). Name and age come from"
                    + " registry-service; every summary is in both services' audit logs.")
    @APIResponse(responseCode = "404", description = "no such measure for you, or the registry holds no active entry for its person")
    @APIResponse(responseCode = "409", description = "the measure belongs to a general plan: it is about no person")
    @APIResponse(responseCode = "503", description = "registry-service did not answer; try again")
    public PersonSummaryView summary(@PathParam("id") UUID id) {
        Measure m = loader.forRead(id);
        access.requireSummary(m);
        if (m.plan.personId == null) {
            throw new ProblemException(ProblemType.CONFLICT, "measure " + id + " belongs to a general plan: it is about no person");
        }
        Map<String, String> names = types.find(m.type).map(MeasureTypes.Type::names).orElse(Map.of());
        return PersonSummaryView.of(m, names, registry.of(m));
    }
}
