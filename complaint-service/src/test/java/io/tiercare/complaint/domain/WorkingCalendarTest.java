package io.tiercare.complaint.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tiercare.complaint.domain.SlaPolicy.WorkingHours;

/** The 2026 National Day holiday: 1–7 October off, Sunday 20 September and Saturday 10 October worked (调休). */
class WorkingCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final WorkingCalendar calendar = new WorkingCalendar(nationalDay2026(),
            new WorkingHours(LocalTime.of(9, 0), LocalTime.of(18, 0)), SHANGHAI);

    /** Wednesday 30 September 2026, 17:00 in Shanghai: one working hour before the holiday. */
    private static final Instant FILED = Instant.parse("2026-09-30T09:00:00Z");

    @Test
    void calendarHoursCountEveryHour() {
        assertThat(calendar.add(FILED, Duration.ofHours(1), SlaClock.CALENDAR))
                .isEqualTo(Instant.parse("2026-09-30T10:00:00Z"));
        assertThat(calendar.add(FILED, Duration.ofHours(48), SlaClock.CALENDAR))
                .isEqualTo(Instant.parse("2026-10-02T09:00:00Z"));
    }

    @Test
    void workingHoursSkipTheHolidayAndCountTheMakeUpSaturday() {
        // 17:00–18:00 on the 30th is the first hour
        assertThat(calendar.add(FILED, Duration.ofHours(1), SlaClock.WORKING))
                .isEqualTo(Instant.parse("2026-09-30T10:00:00Z"));
        // 1 h on the 30th, 1–7 October off, 9 h on the 8th and the 9th, 5 h on Saturday the 10th: 14:00 local
        assertThat(calendar.add(FILED, Duration.ofHours(24), SlaClock.WORKING))
                .isEqualTo(Instant.parse("2026-10-10T06:00:00Z"));
        // then 4 h more on the 10th, none on Sunday the 11th, 9 h on the 12th and the 13th, 2 h on the 14th
        assertThat(calendar.add(FILED, Duration.ofHours(48), SlaClock.WORKING))
                .isEqualTo(Instant.parse("2026-10-14T03:00:00Z"));
    }

    @Test
    void aStartOutsideWorkingHoursWaitsForTheNextWorkingMorning() {
        Instant sundayNight = Instant.parse("2026-09-27T14:00:00Z"); // 22:00 on Sunday 27 September (中秋 holiday)
        assertThat(calendar.add(sundayNight, Duration.ofMinutes(30), SlaClock.WORKING))
                .isEqualTo(Instant.parse("2026-09-28T01:30:00Z")); // 09:30 Monday
        Instant makeUpSunday = Instant.parse("2026-09-20T00:00:00Z"); // 08:00 on Sunday 20 September, a working day
        assertThat(calendar.add(makeUpSunday, Duration.ofHours(1), SlaClock.WORKING))
                .isEqualTo(Instant.parse("2026-09-20T02:00:00Z"));
    }

    @Test
    void workingTimeBetweenTwoMomentsIsTheInverseOfAdding() {
        Instant due = calendar.add(FILED, Duration.ofHours(48), SlaClock.WORKING);
        assertThat(calendar.between(FILED, due, SlaClock.WORKING)).isEqualTo(Duration.ofHours(48));
        assertThat(calendar.between(FILED, Instant.parse("2026-10-08T01:00:00Z"), SlaClock.WORKING))
                .as("nothing counts during the holiday").isEqualTo(Duration.ofHours(1));
        assertThat(calendar.between(due, FILED, SlaClock.WORKING)).isZero();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 5))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 11))).isFalse();
    }

    private static Map<LocalDate, Boolean> nationalDay2026() {
        Map<LocalDate, Boolean> days = new HashMap<>();
        for (int day = 1; day <= 7; day++) {
            days.put(LocalDate.of(2026, 10, day), false);
        }
        for (int day = 25; day <= 27; day++) {
            days.put(LocalDate.of(2026, 9, day), false);
        }
        days.put(LocalDate.of(2026, 9, 20), true);
        days.put(LocalDate.of(2026, 10, 10), true);
        return days;
    }
}
