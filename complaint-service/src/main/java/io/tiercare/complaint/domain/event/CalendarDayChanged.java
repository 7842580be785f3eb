package io.tiercare.complaint.domain.event;

import java.time.Instant;
import java.time.LocalDate;

import io.tiercare.chassis.outbox.PublishedEvent;

/**
 * The working-day calendar changed on one day ({@code tiercare.calendar.day-changed.v1}, key
 * {@code working-calendar}): a holiday ({@code working} false), a worked weekend day (调休, true), or the exception
 * removed (null: the day follows Monday–Friday again). care-service counts its due dates on the same calendar.
 */
public record CalendarDayChanged(LocalDate day, Boolean working, String name, Instant changedAt)
        implements PublishedEvent {

    public static final String TYPE = "tiercare.calendar.day-changed.v1";
    /** One key, so every change reaches consumers in the order it was made. */
    public static final String KEY = "working-calendar";

    @Override
    public String eventType() {
        return TYPE;
    }
}
