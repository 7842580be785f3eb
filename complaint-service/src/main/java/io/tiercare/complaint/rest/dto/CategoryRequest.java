package io.tiercare.complaint.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new category (code and taxonomy are fixed once created). */
@Schema(name = "CategoryRequest")
public record CategoryRequest(
        @NotBlank @Pattern(regexp = "[A-Z0-9_.-]{1,64}", message = "1–64 of A–Z, 0–9, _ . -")
        @Schema(examples = "AFTER_SALES.SPARE_PARTS") String code,
        @Size(max = 64) @Schema(description = "Required for a top-level category; taken from the parent otherwise",
                examples = "RETAIL") String taxonomy,
        @Size(max = 64) @Schema(examples = "AFTER_SALES") String parentCode,
        @NotBlank @Size(max = 100) @Schema(examples = "配件缺货") String nameZh,
        @NotBlank @Size(max = 100) @Schema(examples = "Spare parts") String nameEn,
        @Size(max = 1000) String description, Boolean active) {
}
