package io.tiercare.care.domain;

import java.time.LocalDate;
import java.time.Period;

/** How often a care item recurs: each occurrence covers one period, from the day it opens to the next one. */
public enum Cadence {
    WEEKLY(Period.ofWeeks(1), 7),
    EVERY_2_WEEKS(Period.ofWeeks(2), 14),
    MONTHLY(Period.ofMonths(1), 28),
    QUARTERLY(Period.ofMonths(3), 89),
    HALF_YEARLY(Period.ofMonths(6), 181),
    YEARLY(Period.ofYears(1), 365);

    private final Period period;
    private final int shortestDays;

    Cadence(Period period, int shortestDays) {
        this.period = period;
        this.shortestDays = shortestDays;
    }

    /** The day the next occurrence opens, one period after {@code opened}. */
    public LocalDate next(LocalDate opened) {
        return opened.plus(period);
    }

    /** The fewest days one period can have (February for a month): a task must be due within it. */
    public int shortestDays() {
        return shortestDays;
    }
}
