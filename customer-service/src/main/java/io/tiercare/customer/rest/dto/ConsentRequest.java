package io.tiercare.customer.rest.dto;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(name = "ConsentRequest")
public record ConsentRequest(
        @NotNull @Schema(examples = "false") Boolean granted,
        @NotBlank @Size(max = 100) @Schema(description = "Where the customer said so", examples = "SMS_REPLY_TD")
        String source,
        @Schema(description = "When the customer said so; default now") Instant changedAt) {
}
