package io.tiercare.complaint.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(name = "RatingRequest")
public record RatingRequest(@NotNull @Min(1) @Max(5) @Schema(examples = "4") Integer rating,
        @Size(max = 2000) @Schema(examples = "师傅很专业,就是来得晚") String comment) {
}
