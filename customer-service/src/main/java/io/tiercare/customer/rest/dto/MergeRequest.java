package io.tiercare.customer.rest.dto;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotNull;

@Schema(name = "MergeRequest")
public record MergeRequest(
        @NotNull @Schema(description = "The duplicate record to fold into the customer in the path") UUID duplicateId) {
}
