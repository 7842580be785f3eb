package io.tiercare.customer.domain.event;

import java.time.Instant;
import java.util.UUID;

import io.tiercare.customer.domain.ContactChannel;

/** Marketing consent for one channel was granted or withdrawn. */
public record ConsentChanged(UUID customerId, ContactChannel channel, boolean granted, String source,
        Instant changedAt) implements CustomerEvent {

    public static final String TYPE = "tiercare.customer.consent-changed.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}
