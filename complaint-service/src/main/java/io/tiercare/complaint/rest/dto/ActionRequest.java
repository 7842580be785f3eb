package io.tiercare.complaint.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.Size;

/** An optional note for the timeline (the plan, what was done, what the customer is asked for). */
@Schema(name = "ActionRequest")
public record ActionRequest(@Size(max = 2000) @Schema(examples = "上门检测压缩机,明天 10:00 前回电") String note) {
}
