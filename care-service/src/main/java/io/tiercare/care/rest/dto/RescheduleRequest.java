package io.tiercare.care.rest.dto;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(name = "RescheduleTaskRequest")
public record RescheduleRequest(@NotNull LocalDate dueOn, @NotBlank @Size(max = 500) String reason) {
}
