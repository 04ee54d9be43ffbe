package kz.prevention.eventing;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import kz.prevention.testing.PlatformTestResource;

/**
 * The real PostgreSQL database and Kafka broker every {@code @QuarkusTest} of this module shares
 * (one application start for all of them). Declared here, on a class of its own, so no test
 * carries it for the others.
 */
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "eventing"))
public final class EventingTestResources {

    private EventingTestResources() {
    }
}
