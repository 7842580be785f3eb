package io.tiercare.chassis.probe;

import io.quarkus.test.common.QuarkusTestResource;
import io.tiercare.testing.TierCareTestInfrastructure;

/** Registers the real PostgreSQL and Kafka for every test in this module. */
@QuarkusTestResource(value = TierCareTestInfrastructure.class, restrictToAnnotatedClass = false)
public class ProbeTestResource {
}
