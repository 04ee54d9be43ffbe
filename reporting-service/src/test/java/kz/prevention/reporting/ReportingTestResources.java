package kz.prevention.reporting;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import kz.prevention.testing.PlatformTestResource;

/**
 * The real PostgreSQL database and Kafka broker every {@code @QuarkusTest} of reporting-service
 * shares (one application start for all of them).
 */
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "reporting"))
public final class ReportingTestResources {

    private ReportingTestResources() {
    }
}
