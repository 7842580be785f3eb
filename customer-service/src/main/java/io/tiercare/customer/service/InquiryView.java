package io.tiercare.customer.service;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tiercare.customer.domain.Inquiry;
import io.tiercare.customer.domain.InquiryKind;

@Schema(name = "Inquiry")
public record InquiryView(UUID id, UUID customerId, InquiryKind kind, String channel,
        @Schema(description = "Withheld for ANALYST and INTEGRATION") String topic,
        @Schema(description = "Withheld for ANALYST and INTEGRATION") String content, Instant occurredAt,
        Instant recordedAt, String recordedBy) {

    static InquiryView of(Inquiry i, boolean masked) {
        return new InquiryView(i.id(), i.customerId(), i.kind(), i.channel(), masked ? null : i.topic(),
                masked ? null : i.content(), i.occurredAt(), i.recordedAt(), i.recordedBy());
    }
}
