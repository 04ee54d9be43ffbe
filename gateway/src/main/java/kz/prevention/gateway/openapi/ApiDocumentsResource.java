package kz.prevention.gateway.openapi;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.gateway.config.GatewayConfig;
import kz.prevention.gateway.openapi.OpenApiAggregator.ServiceDocument;
import kz.prevention.gateway.openapi.UpstreamDocuments.Answer;

/**
 * The contracts of the whole platform in one place, read fresh from the services on each call
 * (they are small, and a stale copy would hide a service's change): the aggregated OpenAPI
 * (also in Swagger UI at /q/swagger-ui) and the AsyncAPI document of the event catalog.
 */
@Path("/api")
@Tag(name = "contracts")
@PermitAll
public class ApiDocumentsResource {

    private final UpstreamDocuments documents;
    private final GatewayConfig config;

    public ApiDocumentsResource(UpstreamDocuments documents, GatewayConfig config) {
        this.documents = documents;
        this.config = config;
    }

    @GET
    @Path("/openapi")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "OpenAPI of all services as the gateway exposes them; services that are down are listed in x-unavailable")
    public Uni<Response> openApi() {
        return documents.getAll("/q/openapi?format=json").map(answers -> {
            List<ServiceDocument> docs = answers.stream().filter(a -> a.ok() && a.body().isObject())
                    .map(a -> new ServiceDocument(a.target().key(), a.target().service(), (ObjectNode) a.body()))
                    .toList();
            if (docs.isEmpty()) {
                throw new ProblemException(ProblemType.UNAVAILABLE, "No service answered with its OpenAPI document");
            }
            ObjectNode merged = OpenApiAggregator.aggregate(docs, config.publicUrl(), "1.0");
            var down = answers.stream().filter(a -> !a.ok()).map(a -> a.target().service()).toList();
            if (!down.isEmpty()) {
                down.forEach(merged.putArray("x-unavailable")::add);
            }
            return Response.ok(merged).header("Cache-Control", "no-cache").build();
        });
    }

    @GET
    @Path("/v1/event-catalog/asyncapi")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "AsyncAPI 3 document of the platform's topics and events (the shared event catalog)")
    public Uni<Response> asyncApi() {
        return documents.first("/api/v1/event-catalog/asyncapi").map(found -> found.map(Answer::body)
                .map(body -> Response.ok(body).header("Cache-Control", "no-cache").build())
                .orElseThrow(() -> new ProblemException(ProblemType.UNAVAILABLE,
                        "No service answered with the event catalog")));
    }
}
