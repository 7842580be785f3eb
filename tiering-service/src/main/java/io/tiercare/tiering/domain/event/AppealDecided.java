package io.tiercare.tiering.domain.event;

import java.time.Instant;
import java.util.UUID;

/** {@code tiercare.tier.appeal.decided.v1}: UPHELD, the change stands; OVERTURNED, it is reversed. */
public record AppealDecided(UUID appealId, UUID customerId, String scheme, String appealedFromTier,
        String appealedToTier, String decision, String reason, String filedBy, String decidedBy, Instant decidedAt,
        String resultingTier) implements TierEvent {

    public static final String TYPE = "tiercare.tier.appeal.decided.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}
