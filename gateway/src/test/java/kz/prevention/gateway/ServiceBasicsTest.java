package kz.prevention.gateway;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.testing.ServiceBasicsContract;

@QuarkusTest
@WithTestResource(value = UpstreamStandIns.class, scope = TestResourceScope.GLOBAL)
class ServiceBasicsTest extends ServiceBasicsContract {

    @Override
    protected String serviceName() {
        return "gateway";
    }

    @Override
    protected boolean ownsDatabase() {
        return false;
    }
}
