package io.tiercare.customer.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.tiercare.chassis.id.TimeOrderedUuid;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Money given back on a purchase; part of the {@link Purchase} aggregate. */
@Entity
@Table(name = "refund")
public class Refund {

    @Id
    private UUID id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "purchase_id")
    private Purchase purchase;
    private String externalRefundId;
    private BigDecimal amount;
    private Instant refundedAt;
    private String reason;
    private Instant recordedAt;

    protected Refund() {
    }

    Refund(Purchase purchase, String externalRefundId, BigDecimal amount, Instant refundedAt, String reason,
            Instant now) {
        this.id = TimeOrderedUuid.next();
        this.purchase = purchase;
        this.externalRefundId = externalRefundId;
        this.amount = Purchase.cents(amount);
        this.refundedAt = refundedAt;
        this.reason = reason;
        this.recordedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String externalRefundId() {
        return externalRefundId;
    }

    public BigDecimal amount() {
        return amount;
    }

    public Instant refundedAt() {
        return refundedAt;
    }

    public String reason() {
        return reason;
    }
}
