package io.tiercare.care.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tiercare.care.domain.CarePlan;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new version of the care plan, with a note saying why (kept with the version). */
@Schema(name = "CarePlanChangeRequest")
public record PlanChangeRequest(@NotNull CarePlan definition,
        @NotBlank @Size(max = 500) @Schema(examples = "IMPORTANT customers get a call every week") String note) {
}
