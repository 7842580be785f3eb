package io.tiercare.care.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Random;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tiercare.care.support.Customers;
import io.tiercare.testing.OnTestDay;
import io.tiercare.testing.ProducerExamples;
import io.tiercare.testing.TestDatabase;
import io.tiercare.testing.TestKafka;
import jakarta.inject.Inject;

/**
 * Due dates count on complaint-service's working calendar: a holiday entered there (and published on
 * complaint.events) moves the due dates of tasks planned afterwards; a change older than the one held is ignored.
 */
@QuarkusTest
class WorkingCalendarTest extends OnTestDay {

    private static final String AM_CAL_1 = Customers.manager("am-cal-1");

    @Inject
    DataSource dataSource;

    @Test
    void aHolidayEnteredInComplaintServiceMovesCareDueDates() {
        // a Sunday of its own: the calendar is shared, and the broker replays every earlier run's calendar events
        LocalDate sunday = LocalDate.of(2100 + new Random().nextInt(800), 3, 1).with(
                TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        clock.set(sunday.atTime(8, 0).toInstant(ZoneOffset.UTC)); // 16:00 in Shanghai
        String before = Customers.registered(dataSource, AM_CAL_1);
        Customers.tier(dataSource, before, "IMPORTANT", "CORE", "2026-11-22T07:00:00Z");
        Customers.awaitOpen(dataSource, before, "CORE_VISIT", 1);
        // a company week off, Monday to Friday, entered after that task was planned
        for (int day = 1; day <= 5; day++) {
            calendarDay(sunday.plusDays(day), "false", "公司假期", "2026-11-22T07:00:00Z");
        }
        Customers.await(dataSource, "select count(*) from calendar_day where day = ?::date and not working",
                sunday.plusDays(5).toString());

        String after = Customers.registered(dataSource, AM_CAL_1);
        Customers.tier(dataSource, after, "IMPORTANT", "CORE", "2026-11-22T07:00:00Z");
        Customers.awaitOpen(dataSource, after, "CORE_VISIT", 1);
        assertThat(dueOn(before)).isEqualTo(sunday.plusDays(12).toString()); // 10 working days: Friday week
        assertThat(dueOn(after)).isEqualTo(sunday.plusDays(19).toString()); // a working week later

        // a stale change (made before the holiday was entered) does not undo it
        calendarDay(sunday.plusDays(5), "null", null, "2026-11-21T00:00:00Z");
        // the 调休 Saturday after it, entered later, counts as a working day: due one day sooner
        calendarDay(sunday.plusDays(13), "true", "调休", "2026-11-22T07:10:00Z");
        Customers.await(dataSource, "select count(*) from calendar_day where day = ?::date and working",
                sunday.plusDays(13).toString());
        String third = Customers.registered(dataSource, AM_CAL_1);
        Customers.tier(dataSource, third, "IMPORTANT", "CORE", "2026-11-22T07:00:00Z");
        Customers.awaitOpen(dataSource, third, "CORE_VISIT", 1);
        assertThat(dueOn(third)).isEqualTo(sunday.plusDays(18).toString());
    }

    @Test
    void complaintServicesOwnExampleIsUnderstood() {
        String example = new ProducerExamples().example("complaint-service", "tiercare.calendar.day-changed.v1");
        TestKafka.sendEvent("complaint.events", "working-calendar", "tiercare.calendar.day-changed.v1",
                "/tiercare/complaint-service", example);
        Customers.await(dataSource, "select count(*) from calendar_day where day = ?::date and working "
                + "and name = '春节调休'", "2027-02-20");
    }

    private String dueOn(String customer) {
        return TestDatabase.text(dataSource, "select due_on::text from care_task where customer_id = ?::uuid and "
                + "item_code = 'CORE_VISIT'", customer);
    }

    private static void calendarDay(LocalDate day, String working, String name, String changedAt) {
        TestKafka.sendEvent("complaint.events", "working-calendar", "tiercare.calendar.day-changed.v1",
                "/tiercare/complaint-service", """
                        {"day":"%s","working":%s,"name":%s,"changedAt":"%s"}""".formatted(day, working,
                        name == null ? "null" : "\"" + name + "\"", changedAt));
    }
}
