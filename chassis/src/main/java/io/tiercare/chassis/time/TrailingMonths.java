package io.tiercare.chassis.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The one definition of "the trailing N months" every figure uses (spend, purchases, complaints, care contacts over
 * "12 months"): the current calendar month in business time and the N − 1 before it, whole months, so a figure
 * changes on the first of a month, never from one day to the next, and a month-by-month store answers it exactly.
 */
public record TrailingMonths(YearMonth first, YearMonth last) {

    /** The trailing {@code months} months as seen on {@code day}. */
    public static TrailingMonths of(LocalDate day, int months) {
        if (months < 1) {
            throw new IllegalArgumentException("months must be at least 1: " + months);
        }
        YearMonth current = YearMonth.from(day);
        return new TrailingMonths(current.minusMonths(months - 1L), current);
    }

    /** Whether the month counts. */
    public boolean contains(YearMonth month) {
        return !month.isBefore(first) && !month.isAfter(last);
    }

    /** Whether the day counts. */
    public boolean contains(LocalDate day) {
        return contains(YearMonth.from(day));
    }

    /** The first instant that counts: midnight at the start of the first month, in {@code zone}. */
    public Instant start(ZoneId zone) {
        return first.atDay(1).atStartOfDay(zone).toInstant();
    }
}
