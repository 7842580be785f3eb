package io.tiercare.customer.domain.event;

import java.time.Instant;
import java.util.UUID;

import io.tiercare.customer.domain.CustomerType;

/** A customer record was created; its personal data is published apart ({@link PersonalDataChanged}). */
public record CustomerRegistered(UUID customerId, CustomerType type, ProfileFacts profile,
        String accountManagerId, Instant registeredAt) implements CustomerEvent {

    public static final String TYPE = "tiercare.customer.registered.v2";

    @Override
    public String eventType() {
        return TYPE;
    }
}
