package io.tiercare.complaint.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tiercare.chassis.outage.DatabaseOutage;
import io.tiercare.complaint.support.Customers;
import io.tiercare.testing.TestDatabase;
import io.tiercare.testing.TestKafka;
import io.tiercare.testing.TierCareTestInfrastructure;
import jakarta.inject.Inject;

/**
 * PostgreSQL killed -9 while complaint-service has a backlog of customer registrations: its consumer waits the
 * outage out; once the database is back every customer is known, once, and nothing is dead-lettered.
 */
@QuarkusTest
class DatabaseOutageTest {

    @Inject
    DataSource dataSource;
    @Inject
    DatabaseOutage outage;

    @Test
    void aBacklogOfRegistrationsWaitsOutTheOutageAndIsAppliedOnceAfterwards() {
        List<String> customers = new ArrayList<>();
        double waitsBefore = outage.waits();
        TierCareTestInfrastructure.killPostgres();
        try {
            for (int i = 0; i < 100; i++) {
                customers.add(Customers.register());
            }
            // the consumer took the records while the database was down, and waits with them
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> outage.waits() >= waitsBefore + 3);
            assertThat(outage.isDown()).isTrue();
        } finally {
            TierCareTestInfrastructure.startPostgres();
        }
        String ids = "'" + String.join("','", customers) + "'";
        Awaitility.await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> TestDatabase.number(
                dataSource, "select count(*) from customer_ref where registered and customer_id in (" + ids + ")")
                == customers.size());
        assertThat(TestKafka.readAll("complaint-service.dlq")).noneMatch(r -> customers.contains(r.key()));
    }
}
