package kz.prevention.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI that integrators generate clients from passes Redocly's recommended rules with no
 * error: the gateway's aggregated document and each service's own. The lint report is kept in
 * {@code e2e/target/openapi/} for reading.
 */
@ExtendWith(RunningPlatform.class)
class GatewayOpenApiIT {

    @Test
    void aggregatedOpenApiLintsWithoutErrors() throws Exception {
        String document = given().when().get(RunningPlatform.serviceUrl("gateway") + "/api/openapi")
                .then().statusCode(200).extract().asString();

        Redocly.Result result = Redocly.lint(save("platform", document));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(document).doesNotContain("x-unavailable");
    }

    @ParameterizedTest
    @ValueSource(strings = {"registry-service", "measures-service", "commission-service", "reporting-service"})
    void eachServicesOpenApiLintsWithoutErrors(String service) throws Exception {
        String document = given().queryParam("format", "json").when().get(RunningPlatform.serviceUrl(service) + "/q/openapi")
                .then().statusCode(200).extract().asString();

        Redocly.Result result = Redocly.lint(save(service, document));

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void asyncApiCatalogIsServedByTheGateway() {
        given().when().get(RunningPlatform.serviceUrl("gateway") + "/api/v1/event-catalog/asyncapi")
                .then().statusCode(200).body("asyncapi", org.hamcrest.Matchers.startsWith("3."));
    }

    private static Path save(String name, String document) throws Exception {
        Path dir = Path.of("target/openapi").toAbsolutePath();
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".json");
        Files.writeString(file, document);
        return file;
    }
}
