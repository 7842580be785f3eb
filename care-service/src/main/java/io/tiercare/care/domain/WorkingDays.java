package io.tiercare.care.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;

/**
 * The working-day calendar: Monday to Friday, except the public holidays, plus the weekend days worked instead
 * (调休). The exceptions are complaint-service's calendar, as its {@code working-calendar} events describe it.
 */
public final class WorkingDays {

    /** No count of working days reaches further than this (a calendar without working days). */
    private static final int HORIZON_DAYS = 3660;

    private final Map<LocalDate, Boolean> exceptions;

    public WorkingDays(Map<LocalDate, Boolean> exceptions) {
        this.exceptions = Map.copyOf(exceptions);
    }

    /** Monday to Friday, no exceptions. */
    public static WorkingDays weekdays() {
        return new WorkingDays(Map.of());
    }

    public boolean isWorkingDay(LocalDate day) {
        Boolean exception = exceptions.get(day);
        if (exception != null) {
            return exception;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }

    /** The {@code n}th working day after {@code from} ({@code from} itself when n is 0). */
    public LocalDate plus(LocalDate from, int n) {
        LocalDate day = from;
        int left = n;
        for (int i = 0; left > 0; i++) {
            if (i > HORIZON_DAYS) {
                throw new IllegalStateException("no " + n + " working days within " + HORIZON_DAYS + " days of "
                        + from);
            }
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }
}
