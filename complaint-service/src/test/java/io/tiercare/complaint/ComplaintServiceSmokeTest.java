package io.tiercare.complaint;

import io.quarkus.test.junit.QuarkusTest;
import io.tiercare.testing.ServiceSmokeContract;

@QuarkusTest
class ComplaintServiceSmokeTest extends ServiceSmokeContract {

    @Override
    protected String schema() {
        return "complaint";
    }
}
