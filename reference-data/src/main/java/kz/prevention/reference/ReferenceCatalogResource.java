package kz.prevention.reference;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import kz.prevention.commons.problem.ProblemException;

/** The reference catalogs, for forms and integrations: codes and their names in kk, ru and en. */
@Path("/api/v1/catalogs")
@Tag(name = "catalogs")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ReferenceCatalogResource {

    @Inject
    ReferenceCatalogs catalogs;

    public record CatalogSummary(String catalog, String version, String source, Map<String, String> description,
            int entries) {
    }

    @GET
    @Operation(summary = "The available catalogs and their versions")
    public List<CatalogSummary> list() {
        return catalogs.all().stream().map(c -> new CatalogSummary(c.catalog(), c.version(), c.source(), c.description(),
                c.entries().size())).toList();
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "One catalog with all its entries")
    public ReferenceCatalog catalog(@PathParam("name") String name) {
        return catalogs.find(name).orElseThrow(() -> ProblemException.notFound("catalog " + name));
    }

    @GET
    @Path("/{name}/{code}")
    @Operation(summary = "One entry of a catalog")
    public CatalogEntry entry(@PathParam("name") String name, @PathParam("code") String code) {
        return catalog(name).entry(code).orElseThrow(() -> ProblemException.notFound("code " + code + " in " + name));
    }
}
