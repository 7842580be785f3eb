package io.tiercare.customer.domain.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.tiercare.customer.domain.CustomerProfile;

/** Fields of a customer record changed; carries the names of the changed fields and the whole profile after. */
public record CustomerUpdated(UUID customerId, List<String> changedFields, CustomerProfile profile,
        Instant updatedAt) implements CustomerEvent {
}
