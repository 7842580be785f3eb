package io.tiercare.care.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

/** When a customer wants to be contacted (customer.preferences-changed): some days of the week, between two times. */
public record ContactWindow(Set<DayOfWeek> days, LocalTime from, LocalTime to) {
}
