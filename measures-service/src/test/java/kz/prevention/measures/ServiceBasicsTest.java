package kz.prevention.measures;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.testing.PlatformTestResource;
import kz.prevention.testing.ServiceBasicsContract;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "measures"))
class ServiceBasicsTest extends ServiceBasicsContract {

    @Override
    protected String serviceName() {
        return "measures-service";
    }
}
