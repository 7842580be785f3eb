package io.tiercare.customer.domain.event;

import java.time.Instant;
import java.util.UUID;

import io.tiercare.customer.domain.InquiryKind;

/**
 * An inquiry (咨询) or a piece of feedback (反馈) was recorded; its topic and text, free text that may hold personal data,
 * stay in customer-service.
 */
public record InquiryRecorded(UUID customerId, UUID inquiryId, InquiryKind kind, String channel,
        Instant occurredAt) implements CustomerEvent {

    public static final String TYPE = "tiercare.customer.inquiry-recorded.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}
