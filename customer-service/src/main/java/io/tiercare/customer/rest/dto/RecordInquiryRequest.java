package io.tiercare.customer.rest.dto;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tiercare.customer.domain.InquiryKind;
import io.tiercare.customer.service.InquiryService.RecordInquiry;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(name = "RecordInquiryRequest")
public record RecordInquiryRequest(
        @NotNull @Schema(examples = "INQUIRY") InquiryKind kind,
        @Size(max = 50) @Schema(examples = "HOTLINE") String channel,
        @Size(max = 200) @Schema(examples = "变频空调能效") String topic,
        @Size(max = 4000) @Schema(examples = "询问 1.5 匹变频空调的能效等级和安装费用") String content,
        @Schema(description = "When it happened; default now", examples = "2026-11-19T01:00:00Z") Instant occurredAt) {

    public RecordInquiry toCommand() {
        return new RecordInquiry(kind, channel, topic, content, occurredAt);
    }
}
