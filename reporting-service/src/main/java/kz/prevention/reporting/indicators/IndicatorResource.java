package kz.prevention.reporting.indicators;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import kz.prevention.commons.access.Roles;
import kz.prevention.commons.problem.ProblemException;

/** The indicator catalog: what each published figure means and where it comes from. */
@Path("/api/v1/indicators")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.SUPERVISOR, Roles.PLATFORM_ADMIN})
public class IndicatorResource {

    @Inject
    IndicatorCatalog catalog;

    @GET
    public IndicatorCatalog.Document all() {
        return catalog.document();
    }

    @GET
    @Path("/{code}")
    public Indicator one(@PathParam("code") String code) {
        return catalog.find(code).orElseThrow(() -> ProblemException.notFound("indicator " + code));
    }
}
