package io.tiercare.complaint.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A category's editable fields, all of them (send what you read, changed); retire one with active=false. */
@Schema(name = "CategoryUpdate")
public record CategoryUpdate(@Size(max = 64) String parentCode, @NotBlank @Size(max = 100) String nameZh,
        @NotBlank @Size(max = 100) String nameEn, @Size(max = 1000) String description, @NotNull Boolean active,
        @NotNull @Schema(description = "The version read: a stale one is refused with 412") Long version) {
}
