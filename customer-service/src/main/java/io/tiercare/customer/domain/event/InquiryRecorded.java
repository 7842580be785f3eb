package io.tiercare.customer.domain.event;

import java.time.Instant;
import java.util.UUID;

import io.tiercare.customer.domain.InquiryKind;

/** An inquiry (咨询) or a piece of feedback (反馈) was recorded; the text stays in customer-service. */
public record InquiryRecorded(UUID customerId, UUID inquiryId, InquiryKind kind, String channel, String topic,
        Instant occurredAt) implements CustomerEvent {
}
