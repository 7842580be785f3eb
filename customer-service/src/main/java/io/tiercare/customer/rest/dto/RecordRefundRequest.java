package io.tiercare.customer.rest.dto;

import java.math.BigDecimal;
import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tiercare.customer.service.PurchaseService.RecordRefund;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(name = "RecordRefundRequest")
public record RecordRefundRequest(
        @NotBlank @Size(max = 64) @Schema(description = "The refund's id in the order system; recording it again "
                + "returns the first record", examples = "RF-2026-000045") String externalRefundId,
        @NotNull @DecimalMin(value = "0.01", message = "must be more than 0")
        @Digits(integer = 10, fraction = 2, message = "must have at most 2 decimal places")
        @Schema(examples = "800.00") BigDecimal amount,
        @NotNull @Schema(examples = "2026-11-21T03:00:00Z") Instant refundedAt,
        @Size(max = 500) @Schema(examples = "外机噪音大，部分退款") String reason) {

    public RecordRefund toCommand() {
        return new RecordRefund(externalRefundId, amount, refundedAt, reason);
    }
}
