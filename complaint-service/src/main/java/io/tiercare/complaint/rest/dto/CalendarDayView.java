package io.tiercare.complaint.rest.dto;

import java.time.LocalDate;

import io.tiercare.complaint.repository.SlaRepository.CalendarDay;

/** An exception to Monday–Friday: a holiday (not working) or a make-up working day (调休), with its name. */
public record CalendarDayView(LocalDate day, boolean working, String name) {

    public static CalendarDayView of(CalendarDay day) {
        return new CalendarDayView(day.day(), day.working(), day.name());
    }
}
