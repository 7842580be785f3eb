package io.tiercare.customer.rest.dto;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tiercare.customer.domain.CustomerType;
import io.tiercare.customer.service.CustomerView;

@Schema(name = "Customer")
public record CustomerResponse(
        @Schema(examples = "0b8f3c1e-8d1a-4a43-9d6c-3f0f2b1c9a10") UUID id,
        @Schema(examples = "INDIVIDUAL") CustomerType type,
        @Schema(examples = "段晓明") String name,
        @Schema(description = "E.164; masked (138****1234) for ANALYST and INTEGRATION", examples = "+8613812341234")
        String mobilePhone,
        Instant createdAt,
        Instant updatedAt) {

    public static CustomerResponse from(CustomerView view) {
        return new CustomerResponse(view.id(), view.type(), view.name(), view.mobilePhone(), view.createdAt(),
                view.updatedAt());
    }
}
