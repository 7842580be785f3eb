package io.tiercare.complaint.domain.event;

import java.time.Instant;
import java.util.UUID;

public record ComplaintFiled(UUID complaintId, UUID customerId, String channel, String category, String severity,
        Instant occurredAt, Instant filedAt, String customerTier, int slaPolicyVersion, String slaRule,
        String slaClock, Deadlines deadlines) implements ComplaintEvent {

    public static final String TYPE = "tiercare.complaint.filed.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}
