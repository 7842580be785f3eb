package io.tiercare.customer.domain.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A purchase was recorded for the customer. */
public record PurchaseRecorded(UUID customerId, UUID purchaseId, String externalOrderId, BigDecimal amount,
        String currency, Instant purchasedAt, String productCategory, String channel) implements CustomerEvent {

    public static final String TYPE = "tiercare.customer.purchase-recorded.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}
