package io.tiercare.care.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    /** Spring Festival 2027 as the State Council might set it: 7 days off, two Saturdays worked (调休). */
    static final WorkingDays SPRING_FESTIVAL_2027 = new WorkingDays(Map.of(
            LocalDate.parse("2027-02-06"), true, // Saturday worked
            LocalDate.parse("2027-02-08"), false, LocalDate.parse("2027-02-09"), false,
            LocalDate.parse("2027-02-10"), false, LocalDate.parse("2027-02-11"), false,
            LocalDate.parse("2027-02-12"), false, // Monday to Friday off
            LocalDate.parse("2027-02-20"), true)); // Saturday worked

    @Test
    void weekdaysAreWorkingDaysWeekendsAreNot() {
        WorkingDays days = WorkingDays.weekdays();
        assertThat(days.isWorkingDay(LocalDate.parse("2026-11-23"))).isTrue(); // Monday
        assertThat(days.isWorkingDay(LocalDate.parse("2026-11-28"))).isFalse(); // Saturday
    }

    @Test
    void countingWorkingDaysSkipsTheWeekend() {
        // Friday 27 November + 1 working day = Monday 30 November
        assertThat(WorkingDays.weekdays().plus(LocalDate.parse("2026-11-27"), 1)).isEqualTo("2026-11-30");
        assertThat(WorkingDays.weekdays().plus(LocalDate.parse("2026-11-27"), 0)).isEqualTo("2026-11-27");
    }

    @Test
    void anAdjustedSaturdayIsAWorkingDay() {
        // Friday 5 February 2027 + 1 working day = the 调休 Saturday 6 February
        assertThat(SPRING_FESTIVAL_2027.plus(LocalDate.parse("2027-02-05"), 1)).isEqualTo("2027-02-06");
    }

    @Test
    void theSpringFestivalWeekDoesNotCount() {
        // Saturday 6 February (worked) + 1 working day: Sunday off, the holiday week off → Monday 15 February
        assertThat(SPRING_FESTIVAL_2027.plus(LocalDate.parse("2027-02-06"), 1)).isEqualTo("2027-02-15");
        // 5 working days from Friday 5 February: 6 Feb, 15, 16, 17, 18 February
        assertThat(SPRING_FESTIVAL_2027.plus(LocalDate.parse("2027-02-05"), 5)).isEqualTo("2027-02-18");
    }
}
