package io.tiercare.tiering;

import io.quarkus.test.common.QuarkusTestResource;
import io.tiercare.testing.TierCareTestInfrastructure;

/** Real PostgreSQL and Kafka for every test in this module. */
@QuarkusTestResource(value = TierCareTestInfrastructure.class, restrictToAnnotatedClass = false)
public class TieringServiceTestResource {
}
