package kz.prevention.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The aggregated OpenAPI, the AsyncAPI catalog and the health of each service, read from the stand-ins. */
@QuarkusTest
@WithTestResource(value = UpstreamStandIns.class, scope = TestResourceScope.GLOBAL)
class ContractsAndHealthTest {

    @Test
    void aggregatedOpenApiHasEveryServiceUnderItsGatewayPath() {
        given().when().get("/api/openapi").then().statusCode(200)
                .body("info.license.url", startsWith("https://"))
                .body("servers[0].url", startsWith("http"))
                .body("paths.'/api/registry/v1/things'.get.operationId", equalTo("registry_list"))
                .body("paths.'/api/measures/v1/things'.get.operationId", equalTo("measures_list"))
                .body("paths.'/api/registry/v1/things'.get.tags", hasItem("registry-service: things"))
                .body("x-unavailable", hasItem("commission-service"));
    }

    @Test
    void schemasThatDifferAreRenamedAndTheirReferencesFollow() {
        given().when().get("/api/openapi").then().statusCode(200)
                .body("components.schemas.Page.description", equalTo("page of measures-service"))
                .body("components.schemas.RegistryPage.description", equalTo("page of registry-service"))
                .body("components.schemas.Problem", notNullValue())
                .body("components.schemas.MeasuresProblem", nullValue())
                .body("paths.'/api/registry/v1/things'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/RegistryPage"));
    }

    @Test
    void asyncApiCatalogIsServedFromAService() {
        given().when().get("/api/v1/event-catalog/asyncapi").then().statusCode(200)
                .body("asyncapi", equalTo("3.0.0"));
    }

    @Test
    void readinessReportsEachServiceAndStaysUpWhenOneIsDown() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'services behind the gateway' }.data.'registry-service'", equalTo("UP"))
                .body("checks.find { it.name == 'services behind the gateway' }.data.'commission-service'",
                        startsWith("DOWN"));
    }

    @Test
    void upstreamsGroupIsDownWhileAServiceIsDown() {
        given().when().get("/q/health/group/upstreams").then().statusCode(503).body("status", equalTo("DOWN"));
    }

    @Test
    void swaggerUiIsServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
