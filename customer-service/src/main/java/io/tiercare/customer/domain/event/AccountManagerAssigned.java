package io.tiercare.customer.domain.event;

import java.time.Instant;
import java.util.UUID;

/** The customer's account manager (客户经理) changed; null means none. */
public record AccountManagerAssigned(UUID customerId, String previousAccountManagerId, String accountManagerId,
        Instant assignedAt) implements CustomerEvent {

    public static final String TYPE = "tiercare.customer.account-manager-assigned.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}
