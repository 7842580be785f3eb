package io.tiercare.care.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Schema(name = "SkipTaskRequest")
public record SkipRequest(@NotBlank @Size(max = 500) String reason) {
}
