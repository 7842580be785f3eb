package io.tiercare.customer.domain.event;

import java.time.Instant;
import java.util.UUID;

import io.tiercare.customer.domain.CustomerProfile;
import io.tiercare.customer.domain.CustomerType;

/** A customer record was created. */
public record CustomerRegistered(UUID customerId, CustomerType type, CustomerProfile profile,
        String accountManagerId, Instant registeredAt) implements CustomerEvent {
}
