package io.tiercare.customer.rest.dto;

import java.math.BigDecimal;
import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tiercare.customer.service.PurchaseService.RecordPurchase;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(name = "RecordPurchaseRequest")
public record RecordPurchaseRequest(
        @NotBlank @Size(max = 64) @Schema(description = "The order's id in the order system; recording it again "
                + "returns the first record", examples = "SO-2026-000123") String externalOrderId,
        @NotNull @DecimalMin(value = "0.01", message = "must be more than 0")
        @DecimalMax(value = "9999999999.99", message = "must be at most 9999999999.99")
        @Digits(integer = 10, fraction = 2, message = "must have at most 2 decimal places")
        @Schema(examples = "12800.00") BigDecimal amount,
        @Schema(description = "Only CNY; default CNY", examples = "CNY") String currency,
        @NotNull @Schema(examples = "2026-11-20T06:15:00Z") Instant purchasedAt,
        @Size(max = 100) @Schema(examples = "空调") String productCategory,
        @Size(max = 50) @Schema(examples = "STORE") String channel) {

    public RecordPurchase toCommand() {
        return new RecordPurchase(externalOrderId, amount, currency, purchasedAt, productCategory, channel);
    }
}
