package kz.prevention.eventing.catalog;

import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The event catalog for integrators and analysts: like {@code /q/openapi}, it describes
 * contracts, not personal data, so it needs no token.
 */
@Path("/api/v1/event-catalog")
@Tag(name = "event catalog")
@PermitAll
public class EventCatalogResource {

    @Inject
    EventCatalog catalog;

    @Inject
    ObjectMapper mapper;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Topics and event types of the platform")
    public Map<String, Object> catalog() {
        return Map.of("catalogVersion", catalog.version(), "topics", catalog.topics(), "events", catalog.events());
    }

    @GET
    @Path("/asyncapi")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "AsyncAPI 3.0 document of all topics and messages")
    public JsonNode asyncApi() {
        return AsyncApiDocument.generate(catalog, mapper);
    }

    @GET
    @Path("/schemas/{type}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "JSON Schema of one event type's data")
    public JsonNode schema(@PathParam("type") String type) {
        if (catalog.event(type).isEmpty()) {
            throw new NotFoundException("no event type " + type);
        }
        return catalog.schemaDocument(type);
    }
}
