package io.tiercare.care.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Schema(name = "ReassignTaskRequest")
public record ReassignRequest(@NotBlank @Size(max = 100) @Pattern(regexp = "[\\p{L}\\p{N}._@-]+",
        message = "must be a user id (letters, digits, . _ @ -)") String assignee) {
}
