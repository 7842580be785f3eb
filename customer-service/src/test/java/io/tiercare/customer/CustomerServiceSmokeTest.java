package io.tiercare.customer;

import io.quarkus.test.junit.QuarkusTest;
import io.tiercare.testing.ServiceSmokeContract;

@QuarkusTest
class CustomerServiceSmokeTest extends ServiceSmokeContract {

    @Override
    protected String schema() {
        return "customer";
    }
}
