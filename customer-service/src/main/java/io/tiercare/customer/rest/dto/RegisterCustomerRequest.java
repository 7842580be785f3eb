package io.tiercare.customer.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tiercare.customer.domain.CustomerType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(name = "RegisterCustomerRequest")
public record RegisterCustomerRequest(
        @NotNull @Schema(examples = "INDIVIDUAL") CustomerType type,
        @NotBlank @Size(max = 200) @Schema(examples = "段晓明") String name,
        @NotBlank @Size(max = 32) @Schema(description = "Mainland mobile (stored as E.164 +86…) or any E.164 number",
                examples = "13812341234") String mobilePhone) {
}
