package io.tiercare.complaint.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Schema(name = "NoteRequest")
public record NoteRequest(@NotBlank @Size(max = 2000) @Schema(examples = "客户来电催促") String note) {
}
