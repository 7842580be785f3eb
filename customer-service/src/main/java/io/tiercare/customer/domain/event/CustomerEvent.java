package io.tiercare.customer.domain.event;

import java.util.UUID;

/** Something that happened to a customer record; every one is published on {@code customer.events}. */
public interface CustomerEvent {

    UUID customerId();
}
