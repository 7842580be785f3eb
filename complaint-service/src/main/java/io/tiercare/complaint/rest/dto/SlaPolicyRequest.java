package io.tiercare.complaint.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tiercare.complaint.domain.SlaPolicy;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(name = "SlaPolicyRequest")
public record SlaPolicyRequest(@NotNull SlaPolicy definition,
        @Size(max = 500) @Schema(examples = "count LOW complaints in working hours") String note) {
}
