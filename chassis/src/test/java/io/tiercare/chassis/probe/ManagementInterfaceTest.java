package io.tiercare.chassis.probe;

import static io.restassured.RestAssured.given;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** As in production: /q/* answers on the management port only, never on the public one. */
@QuarkusTest
@TestProfile(ManagementInterfaceTest.AsInProduction.class)
class ManagementInterfaceTest {

    static final int MANAGEMENT_PORT = 59481;

    public static class AsInProduction implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.management.enabled", "true",
                    "quarkus.management.test-port", String.valueOf(MANAGEMENT_PORT));
        }
    }

    @Test
    void shouldServeHealthMetricsAndOpenApiOnTheManagementPortOnly() {
        for (String path : new String[] {"/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi"}) {
            given().when().get(path).then().statusCode(404);
            given().port(MANAGEMENT_PORT).when().get(path).then().statusCode(200);
        }
    }
}
