package io.tiercare.complaint.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(name = "CalendarDayRequest")
public record CalendarDayRequest(
        @NotNull @Schema(description = "false: a holiday; true: a weekend day worked (调休)") Boolean working,
        @NotBlank @Size(max = 100) @Schema(examples = "国庆节") String name) {
}
