package io.tiercare.chassis.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class TrailingMonthsTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void theTrailingTwelveMonthsAreThisCalendarMonthAndTheElevenBefore() {
        TrailingMonths year = TrailingMonths.of(LocalDate.parse("2026-11-22"), 12);
        assertThat(year.first()).isEqualTo(YearMonth.of(2025, 12));
        assertThat(year.last()).isEqualTo(YearMonth.of(2026, 11));
        assertThat(year.contains(LocalDate.parse("2025-12-01"))).isTrue();
        assertThat(year.contains(LocalDate.parse("2025-11-30"))).isFalse();
        assertThat(year.contains(LocalDate.parse("2026-11-30"))).as("the rest of this month too").isTrue();
    }

    @Test
    void theWindowStartsAtMidnightOfItsFirstMonthInBusinessTime() {
        assertThat(TrailingMonths.of(LocalDate.parse("2026-11-22"), 12).start(SHANGHAI))
                .isEqualTo(Instant.parse("2025-11-30T16:00:00Z"));
    }

    @Test
    void aFigureChangesOnTheFirstOfAMonthNotFromDayToDay() {
        assertThat(TrailingMonths.of(LocalDate.parse("2026-11-01"), 12))
                .isEqualTo(TrailingMonths.of(LocalDate.parse("2026-11-30"), 12));
        assertThat(TrailingMonths.of(LocalDate.parse("2026-12-01"), 12).first()).isEqualTo(YearMonth.of(2026, 1));
    }

    @Test
    void sixMonthsAreThisMonthAndTheFiveBefore() {
        assertThat(TrailingMonths.of(LocalDate.parse("2026-11-22"), 6).first()).isEqualTo(YearMonth.of(2026, 6));
    }
}
