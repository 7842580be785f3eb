package io.tiercare.customer.domain.event;

import java.time.Instant;
import java.util.UUID;

/**
 * Nothing of this customer's personal data may be kept under this id any more: the customer was erased, or merged
 * into another record (whose snapshot speaks for both). Published as a tombstone on {@code customer.personal-data}.
 */
public record PersonalDataErased(UUID customerId, Instant at) implements CustomerEvent {

    public static final String TYPE = "tiercare.customer.personal-data-erased.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}
