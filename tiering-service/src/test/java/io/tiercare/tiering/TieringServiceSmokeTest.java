package io.tiercare.tiering;

import io.quarkus.test.junit.QuarkusTest;
import io.tiercare.testing.ServiceSmokeContract;

@QuarkusTest
class TieringServiceSmokeTest extends ServiceSmokeContract {

    @Override
    protected String schema() {
        return "tiering";
    }
}
