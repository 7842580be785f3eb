package io.tiercare.care;

import io.quarkus.test.junit.QuarkusTest;
import io.tiercare.testing.ServiceSmokeContract;

@QuarkusTest
class CareServiceSmokeTest extends ServiceSmokeContract {

    @Override
    protected String schema() {
        return "care";
    }
}
