package io.tiercare.customer.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.Size;

@Schema(name = "AccountManagerRequest")
public record AccountManagerRequest(
        @Size(max = 100) @Schema(description = "User id of the account manager; null unassigns",
                examples = "am-zhao") String accountManagerId) {
}
