package io.tiercare.care.domain.event;

import java.time.Instant;

import io.tiercare.chassis.outbox.PublishedEvent;

/** A new version of the care plan took effect ({@code tiercare.care.plan-changed.v1}, key {@code care-plan}). */
public record CarePlanChanged(int version, int items, String changedBy, Instant changedAt, String note)
        implements PublishedEvent {

    public static final String TYPE = "tiercare.care.plan-changed.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}
