package kz.prevention.measures;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import kz.prevention.measures.support.RegistryDouble;
import kz.prevention.testing.PlatformTestResource;

/**
 * The real PostgreSQL database and Kafka broker every {@code @QuarkusTest} of measures-service
 * shares (one application start for all of them), declared on a class of its own.
 */
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "measures"))
// registry-service and Keycloak's token endpoint are other systems: a test double of them (not of the DB or broker).
@WithTestResource(value = RegistryDouble.class, scope = TestResourceScope.GLOBAL)
public final class MeasuresTestResources {

    private MeasuresTestResources() {
    }
}
