package io.tiercare.customer.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tiercare.customer.domain.Purchase;
import io.tiercare.customer.domain.Refund;

@Schema(name = "Purchase")
public record PurchaseView(UUID id, UUID customerId, String externalOrderId,
        @Schema(examples = "12800.00") BigDecimal amount, BigDecimal refundedAmount, String currency,
        Instant purchasedAt, String productCategory, String channel, Instant recordedAt, List<RefundView> refunds) {

    @Schema(name = "Refund")
    public record RefundView(UUID id, String externalRefundId, BigDecimal amount, Instant refundedAt, String reason) {

        static RefundView of(Refund refund) {
            return new RefundView(refund.id(), refund.externalRefundId(), refund.amount(), refund.refundedAt(),
                    refund.reason());
        }
    }

    static PurchaseView of(Purchase p) {
        return new PurchaseView(p.id(), p.customerId(), p.externalOrderId(), p.amount(), p.refundedAmount(),
                p.currency(), p.purchasedAt(), p.productCategory(), p.channel(), p.recordedAt(),
                p.refunds().stream().map(RefundView::of).toList());
    }
}
