package io.tiercare.tiering.domain.event;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code tiercare.tier.customer-erased.v1}: the customer's personal data was erased (PIPL Art. 47); an outside
 * subscriber purges what it keeps about them.
 */
public record CustomerErased(UUID customerId, Instant erasedAt) implements TierEvent {

    public static final String TYPE = "tiercare.tier.customer-erased.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}
