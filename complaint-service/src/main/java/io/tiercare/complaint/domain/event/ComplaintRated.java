package io.tiercare.complaint.domain.event;

import java.time.Instant;
import java.util.UUID;

/**
 * The customer rated a resolution (1–5); {@code followUpRequired} when the rating is 2 or less, for care follow-up.
 * The comment stays in complaint-service (personal text).
 */
public record ComplaintRated(UUID complaintId, UUID customerId, String category, String severity, int resolution,
        int rating, boolean followUpRequired, Instant ratedAt) implements ComplaintEvent {

    public static final String TYPE = "tiercare.complaint.rated.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}
