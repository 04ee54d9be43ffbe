package kz.prevention.commons.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

class ProblemAnswersFilterTest {

    private static Operation op(String id, boolean secured) {
        Operation op = OASFactory.createOperation().operationId(id)
                .responses(OASFactory.createAPIResponses().addAPIResponse("200",
                        OASFactory.createAPIResponse().description("ok")));
        if (secured) {
            op.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("bearer"));
        }
        return op;
    }

    private static OpenAPI document(Operation getEntry, Operation getPerson, Operation patchEntry, Operation catalog) {
        return OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/api/v1/entries/{id}", OASFactory.createPathItem().GET(getEntry).PATCH(patchEntry))
                .addPathItem("/api/v1/persons/{id}", OASFactory.createPathItem().GET(getPerson))
                .addPathItem("/api/v1/event-catalog", OASFactory.createPathItem().GET(catalog)));
    }

    @Test
    void operationIdsAreTheMethodNameUnlessTwoResourcesShareIt() {
        Operation getEntry = op("EntryResource_get", true);
        Operation getPerson = op("PersonResource_get", true);
        Operation patchEntry = op("EntryResource_update", true);
        Operation catalog = op("EventCatalogResource_catalog", false);

        new ProblemAnswersFilter().filterOpenAPI(document(getEntry, getPerson, patchEntry, catalog));

        assertThat(List.of(getEntry.getOperationId(), getPerson.getOperationId(), patchEntry.getOperationId(),
                catalog.getOperationId())).containsExactly("entryGet", "personGet", "update", "catalog");
    }

    @Test
    void publicOperationIsDeclaredPublicAndSecuredOnesGetTheirProblemAnswers() {
        Operation getEntry = op("EntryResource_get", true);
        Operation patchEntry = op("EntryResource_update", true)
                .addParameter(OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER))
                .requestBody(OASFactory.createRequestBody());
        Operation catalog = op("EventCatalogResource_catalog", false);
        OpenAPI doc = document(getEntry, op("PersonResource_get", true), patchEntry, catalog);

        new ProblemAnswersFilter().filterOpenAPI(doc);

        assertThat(catalog.getSecurity()).isNotNull().isEmpty();
        assertThat(catalog.getResponses().getAPIResponses()).containsOnlyKeys("200");
        assertThat(getEntry.getResponses().getAPIResponses()).containsKeys("401", "403", "404");
        assertThat(patchEntry.getResponses().getAPIResponses()).containsKeys("400", "401", "403", "404", "409", "412",
                "422", "428");
        assertThat(patchEntry.getResponses().getAPIResponse("412").getContent().getMediaType("application/problem+json")
                .getSchema().getRef()).isEqualTo("#/components/schemas/Problem");
        assertThat(doc.getComponents().getSchemas()).containsKey("Problem");
    }

    @Test
    void answersAnOperationDocumentsItselfAreKept() {
        Operation getEntry = op("EntryResource_get", true);
        getEntry.getResponses().addAPIResponse("404", OASFactory.createAPIResponse().description("no such entry"));

        new ProblemAnswersFilter().filterOpenAPI(document(getEntry, op("PersonResource_get", true),
                op("EntryResource_update", true), op("EventCatalogResource_catalog", false)));

        assertThat(getEntry.getResponses().getAPIResponse("404").getDescription()).isEqualTo("no such entry");
    }
}
