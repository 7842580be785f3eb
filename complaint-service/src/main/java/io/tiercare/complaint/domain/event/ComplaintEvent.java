package io.tiercare.complaint.domain.event;

import java.util.UUID;

import io.tiercare.chassis.outbox.PublishedEvent;

/** Something that happened to a complaint; every one is published on {@code complaint.events}, keyed by customer. */
public interface ComplaintEvent extends PublishedEvent {

    UUID complaintId();

    UUID customerId();
}
