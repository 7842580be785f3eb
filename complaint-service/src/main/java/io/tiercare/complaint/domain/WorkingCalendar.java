package io.tiercare.complaint.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import io.tiercare.complaint.domain.SlaPolicy.WorkingHours;

/**
 * Counts SLA time. On the CALENDAR clock every second counts; on the WORKING clock only the working hours of
 * working days: Monday to Friday, except the public holidays, plus the weekend days worked instead (调休), as the
 * calendar's exceptions say.
 */
public final class WorkingCalendar {

    /** No deadline lies further than this many days from its start (a calendar without working days). */
    private static final int HORIZON_DAYS = 3660;

    private final Map<LocalDate, Boolean> exceptions;
    private final WorkingHours hours;
    private final ZoneId zone;

    public WorkingCalendar(Map<LocalDate, Boolean> exceptions, WorkingHours hours, ZoneId zone) {
        this.exceptions = Map.copyOf(exceptions);
        this.hours = hours;
        this.zone = zone;
    }

    public boolean isWorkingDay(LocalDate day) {
        Boolean exception = exceptions.get(day);
        if (exception != null) {
            return exception;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }

    /** The moment {@code duration} of SLA time has passed after {@code from}. */
    public Instant add(Instant from, Duration duration, SlaClock clock) {
        if (clock == SlaClock.CALENDAR) {
            return from.plus(duration);
        }
        long left = duration.getSeconds();
        ZonedDateTime t = from.atZone(zone);
        for (int day = 0; day < HORIZON_DAYS; day++) {
            LocalDate date = t.toLocalDate();
            if (isWorkingDay(date)) {
                ZonedDateTime opens = date.atTime(hours.start()).atZone(zone);
                ZonedDateTime closes = date.atTime(hours.end()).atZone(zone);
                if (t.isBefore(opens)) {
                    t = opens;
                }
                if (t.isBefore(closes)) {
                    long available = Duration.between(t, closes).getSeconds();
                    if (left <= available) {
                        return t.plusSeconds(left).toInstant();
                    }
                    left -= available;
                }
            }
            t = date.plusDays(1).atStartOfDay(zone);
        }
        throw new IllegalStateException("no working time within " + HORIZON_DAYS + " days of " + from);
    }

    /** SLA time between two moments (zero when {@code to} is not after {@code from}). */
    public Duration between(Instant from, Instant to, SlaClock clock) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (clock == SlaClock.CALENDAR) {
            return Duration.between(from, to);
        }
        long seconds = 0;
        ZonedDateTime end = to.atZone(zone);
        for (LocalDate date = from.atZone(zone).toLocalDate(); !date.isAfter(end.toLocalDate());
                date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                continue;
            }
            Instant opens = date.atTime(hours.start()).atZone(zone).toInstant();
            Instant closes = date.atTime(hours.end()).atZone(zone).toInstant();
            Instant a = opens.isAfter(from) ? opens : from;
            Instant b = closes.isBefore(to) ? closes : to;
            if (b.isAfter(a)) {
                seconds += Duration.between(a, b).getSeconds();
            }
        }
        return Duration.ofSeconds(seconds);
    }
}
