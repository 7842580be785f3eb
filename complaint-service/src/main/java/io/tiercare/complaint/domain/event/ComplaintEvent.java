package io.tiercare.complaint.domain.event;

import java.util.UUID;

/** Something that happened to a complaint; every one is published on {@code complaint.events}, keyed by customer. */
public interface ComplaintEvent {

    UUID complaintId();

    UUID customerId();
}
