package io.tiercare.customer.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a customer bought, net of refunds. */
@Schema(name = "PurchaseSummary")
public record PurchaseSummary(UUID customerId,
        @Schema(description = "Orders recorded (a fully refunded order still counts)") long purchaseCount,
        @Schema(description = "Net of refunds", examples = "130000.00") BigDecimal totalSpend,
        BigDecimal refundedTotal,
        @Schema(description = "Net spend on orders placed in the last 12 months") BigDecimal trailing12MonthSpend,
        @Schema(description = "totalSpend / purchaseCount, 0 without purchases") BigDecimal averageOrderValue,
        Instant firstPurchaseAt, Instant lastPurchaseAt, String currency) {
}
