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

    /** Off here (application.properties): the gateway's own proxy VerifiedTokens keeps a token's rate-limit key. */
    @Override
    protected boolean remembersVerifiedTokens() {
        return false;
    }

    @Override
    protected boolean ownsDatabase() {
        return false;
    }
}
