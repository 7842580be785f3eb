package io.tiercare.tiering.domain.event;

import java.time.Instant;
import java.util.UUID;

/** {@code tiercare.lifecycle.changed.v1}: a customer's stage in an unranked scheme (lifecycle) moved. */
public record LifecycleChanged(UUID customerId, String scheme, String fromStage, String toStage, String reason,
        int policyVersion, Instant effectiveAt, String explanation) implements TierEvent {

    public static final String TYPE = "tiercare.lifecycle.changed.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}
