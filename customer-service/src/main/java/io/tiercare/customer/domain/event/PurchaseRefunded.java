package io.tiercare.customer.domain.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Part or all of a purchase was refunded; {@code remainingAmount} is what is left of the order after it. */
public record PurchaseRefunded(UUID customerId, UUID refundId, UUID purchaseId, String externalOrderId,
        String externalRefundId, BigDecimal amount, BigDecimal remainingAmount, String currency, Instant refundedAt)
        implements CustomerEvent {

    public static final String TYPE = "tiercare.customer.purchase-refunded.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}
