package io.tiercare.tiering.domain.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code tiercare.tier.downgrade-warning.v1}: announced once per pending downgrade, N days before it. */
public record DowngradeWarning(UUID customerId, String scheme, String currentTier, String pendingTier,
        Instant downgradeAt, int policyVersion, Instant warnedAt, List<String> toKeep) implements TierEvent {

    public static final String TYPE = "tiercare.tier.downgrade-warning.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}
