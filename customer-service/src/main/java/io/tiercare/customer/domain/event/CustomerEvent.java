package io.tiercare.customer.domain.event;

import java.util.UUID;

import io.tiercare.chassis.outbox.PublishedEvent;

/** Something that happened to a customer record; published on {@code customer.events}, the
 * personal data on {@code customer.personal-data}. */
public interface CustomerEvent extends PublishedEvent {

    UUID customerId();
}
