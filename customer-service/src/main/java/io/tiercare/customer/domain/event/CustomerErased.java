package io.tiercare.customer.domain.event;

import java.time.Instant;
import java.util.UUID;

/** The customer's personal data was erased (PIPL): every service purges what it holds about this customer. */
public record CustomerErased(UUID customerId, Instant erasedAt) implements CustomerEvent {

    public static final String TYPE = "tiercare.customer.erased.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}
