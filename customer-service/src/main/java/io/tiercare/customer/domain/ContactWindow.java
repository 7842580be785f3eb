package io.tiercare.customer.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

import io.tiercare.chassis.problem.InvalidInputException;

/** When a customer may be contacted: on these days, between these local times (e.g. weekends, 10:00–18:00). */
public record ContactWindow(Set<DayOfWeek> days, LocalTime from, LocalTime to) {

    public ContactWindow {
        if (days == null || days.isEmpty()) {
            throw new InvalidInputException("contactWindows.days", "must name at least one day");
        }
        if (from == null || to == null || !from.isBefore(to)) {
            throw new InvalidInputException("contactWindows", "from must be before to, e.g. 10:00 to 18:00");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
    }
}
