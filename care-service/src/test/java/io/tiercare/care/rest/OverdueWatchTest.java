package io.tiercare.care.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tiercare.care.service.OverdueWatch;
import io.tiercare.care.support.Customers;
import io.tiercare.testing.OnTestDay;
import io.tiercare.testing.TestDatabase;
import io.tiercare.testing.TestKafka;
import io.tiercare.testing.TestOutbox;
import jakarta.inject.Inject;

/**
 * The sweep, on the test clock: a task past its due date is marked overdue once; still overdue three working days
 * later it is escalated to the supervisor once; open at the end of its period it is missed, and the next
 * occurrence opens.
 */
@QuarkusTest
class OverdueWatchTest extends OnTestDay {

    private static final String AM_WATCH_1 = Customers.manager("am-watch-1");

    @Inject
    DataSource dataSource;
    @Inject
    OverdueWatch watch;

    @Test
    void overdueThenEscalatedThenMissedEachOnceAndTheNextMonthOpens() {
        // New Year's Day 2027 a holiday whatever earlier runs left in the shared calendar: a change "made" in 2099
        TestKafka.sendEvent("complaint.events", "working-calendar", "tiercare.calendar.day-changed.v1",
                "/tiercare/complaint-service", """
                        {"day":"2027-01-01","working":false,"name":"元旦","changedAt":"2099-01-01T00:00:00Z"}""");
        Customers.await(dataSource, "select count(*) from calendar_day where day = ?::date and not working "
                + "and changed_at > '2098-01-01'", "2027-01-01");
        String customer = Customers.registered(dataSource, AM_WATCH_1);
        Customers.tier(dataSource, customer, "IMPORTANT", "CORE", "2026-11-22T07:00:00Z");
        Customers.awaitOpen(dataSource, customer, "CORE_VISIT", 1);
        String visit = TestDatabase.text(dataSource, "select id::text from care_task where customer_id = ?::uuid "
                + "and item_code = 'CORE_VISIT'", customer); // due Friday 4 December, period ends 22 December

        clock.set(Instant.parse("2026-12-04T10:00:00Z")); // Friday, 18:00 in Shanghai: due today, not overdue
        watch.sweep();
        assertThat(overdueAt(visit)).isNull();

        clock.set(Instant.parse("2026-12-05T01:00:00Z")); // Saturday 5 December
        watch.sweep();
        watch.sweep();
        assertThat(overdueAt(visit)).isNotNull();
        assertThat(events("task-overdue", visit)).hasSize(1);

        clock.set(Instant.parse("2026-12-09T01:00:00Z")); // Wednesday: 3 working days after the 4th is the 9th
        watch.sweep();
        assertThat(events("task-escalated", visit)).isEmpty();
        clock.set(Instant.parse("2026-12-10T01:00:00Z")); // Thursday: the 9th has passed
        watch.sweep();
        watch.sweep();
        List<JsonPath> escalated = events("task-escalated", visit);
        assertThat(escalated).hasSize(1);
        assertThat(escalated.get(0).getString("escalatedTo")).isEqualTo("SUPERVISOR");
        assertThat(escalated.get(0).getString("assignee")).isEqualTo(AM_WATCH_1);

        clock.set(Instant.parse("2026-12-22T01:00:00Z")); // the period ends: the next month opens
        OverdueWatch.Sweep sweep = watch.sweep();
        assertThat(sweep.missed()).isGreaterThanOrEqualTo(1);
        assertThat(TestDatabase.text(dataSource, "select status from care_task where id = ?::uuid", visit))
                .isEqualTo("MISSED");
        assertThat(events("task-missed", visit)).hasSize(1);
        assertThat(TestDatabase.text(dataSource, "select due_on::text || ' ' || period_end::text from care_task "
                + "where customer_id = ?::uuid and item_code = 'CORE_VISIT' and status = 'SCHEDULED'", customer))
                .isEqualTo("2027-01-06 2027-01-22"); // opened 22 December: 10 working days (not 1 January)
        assertThat(TestDatabase.text(dataSource, "select next_open_on::text from care_schedule where customer_id = "
                + "?::uuid and item_code = 'CORE_VISIT'", customer)).isEqualTo("2027-01-22");
        watch.sweep();
        assertThat(TestDatabase.number(dataSource, "select count(*) from care_task where customer_id = ?::uuid "
                + "and item_code = 'CORE_VISIT'", customer)).isEqualTo(2);
    }

    private Object overdueAt(String task) {
        return TestDatabase.text(dataSource, "select overdue_at::text from care_task where id = ?::uuid", task);
    }

    private List<JsonPath> events(String change, String task) {
        List<ConsumerRecord<String, String>> records = TestOutbox.published(dataSource, "care.events",
                "tiercare.care." + change + ".v1");
        return records.stream().filter(r -> r.value().contains(task)).map(r -> JsonPath.from(r.value())).toList();
    }
}
