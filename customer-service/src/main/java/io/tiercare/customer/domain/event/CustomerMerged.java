package io.tiercare.customer.domain.event;

import java.time.Instant;
import java.util.UUID;

/** A duplicate record was merged into this one (the survivor); the merged id now resolves to the survivor. */
public record CustomerMerged(UUID customerId, UUID mergedCustomerId, int movedPurchases, int movedInquiries,
        int movedConsents, Instant mergedAt) implements CustomerEvent {

    public static final String TYPE = "tiercare.customer.merged.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}
