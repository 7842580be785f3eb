package io.tiercare.care.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tiercare.care.support.Customers;
import io.tiercare.chassis.outage.DatabaseOutage;
import io.tiercare.testing.OnTestDay;
import io.tiercare.testing.TestDatabase;
import io.tiercare.testing.TestKafka;
import io.tiercare.testing.TierCareTestInfrastructure;
import jakarta.inject.Inject;

/**
 * PostgreSQL killed -9 while care-service has a backlog of tier changes: its consumers wait the outage out; once
 * the database is back every customer gets their tasks, exactly once, and nothing is dead-lettered.
 */
@QuarkusTest
class DatabaseOutageTest extends OnTestDay {

    private static final String MANAGER = Customers.manager("am-outage-1");

    @Inject
    DataSource dataSource;
    @Inject
    DatabaseOutage outage;
    @ConfigProperty(name = "mp.messaging.connector.smallrye-kafka.group.id")
    String group;

    @Test
    void aBacklogOfTierChangesWaitsOutTheOutageAndIsPlannedOnceAfterwards() {
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            customers.add(Customers.registered(dataSource, MANAGER));
        }
        // this JVM's group first replays the tier changes of tiering-service's tests: the backlog measured is ours
        TestKafka.awaitCaughtUp(group, "tier.events", Duration.ofMinutes(5));
        double waitsBefore = outage.waits();
        TierCareTestInfrastructure.killPostgres();
        try {
            customers.forEach(c -> Customers.tierEvent(c, "VALUE", "IMPORTANT", "CORE", "2026-11-22T07:00:00Z"));
            // the consumer took the records while the database was down, and waits with them
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> outage.waits() >= waitsBefore + 3);
            assertThat(outage.isDown()).isTrue();
        } finally {
            TierCareTestInfrastructure.startPostgres();
        }
        Awaitility.await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> TestDatabase.number(
                dataSource, "select count(*) from care_task where assignee = ? and item_code = 'CORE_VISIT'",
                MANAGER) == customers.size());
        assertThat(TestDatabase.number(dataSource, "select count(*) from care_task where assignee = ? and status "
                + "in ('SCHEDULED', 'IN_PROGRESS')", MANAGER)).isEqualTo(2L * customers.size()); // visit and gift
        assertThat(TestKafka.readAll("care-service.dlq")).noneMatch(r -> customers.contains(r.key()));
    }
}
