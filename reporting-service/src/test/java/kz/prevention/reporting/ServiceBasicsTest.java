package kz.prevention.reporting;

import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.testing.ServiceBasicsContract;

@QuarkusTest
class ServiceBasicsTest extends ServiceBasicsContract {

    @Override
    protected String serviceName() {
        return "reporting-service";
    }
}
