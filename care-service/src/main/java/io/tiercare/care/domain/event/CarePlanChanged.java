package io.tiercare.care.domain.event;

import java.time.Instant;

/** A new version of the care plan took effect ({@code tiercare.care.plan-changed.v1}, key {@code care-plan}). */
public record CarePlanChanged(int version, int items, String changedBy, Instant changedAt, String note) {
}
