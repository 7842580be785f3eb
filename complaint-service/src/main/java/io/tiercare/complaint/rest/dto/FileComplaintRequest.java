package io.tiercare.complaint.rest.dto;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tiercare.complaint.domain.Channel;
import io.tiercare.complaint.domain.Complaint.Intake;
import io.tiercare.complaint.domain.Severity;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

@Schema(name = "FileComplaintRequest")
public record FileComplaintRequest(
        @NotNull @Schema(examples = "0190f3a2-7c1e-7d4a-9b21-5f0c2d8e4a11") UUID customerId,
        @NotNull @Schema(examples = "HOTLINE") Channel channel,
        @NotBlank @Size(max = 64) @Schema(description = "An active category's code", examples = "AFTER_SALES.REPAIR_DELAY")
        String category,
        @NotNull @Schema(examples = "MEDIUM") Severity severity,
        @NotBlank @Size(max = 200) @Schema(examples = "空调维修等了一周还没人上门") String title,
        @Size(max = 5000) String description,
        @Size(max = 200) @Schema(description = "How to reach the customer about this complaint",
                examples = "13800138000, weekday evenings") String contact,
        @PastOrPresent @Schema(description = "When it happened", examples = "2026-11-20T06:15:00Z")
        Instant occurredAt) {

    public Intake toIntake() {
        return new Intake(customerId, channel, category, severity, title.strip(), description, contact, occurredAt);
    }
}
