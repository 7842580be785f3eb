package io.tiercare.customer.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import io.tiercare.chassis.id.TimeOrderedUuid;
import io.tiercare.chassis.problem.ConflictException;
import io.tiercare.chassis.problem.InvalidInputException;
import io.tiercare.customer.domain.event.PurchaseRecorded;
import io.tiercare.customer.domain.event.PurchaseRefunded;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A purchase (an external order) and the refunds given on it; refunds never exceed the amount. */
@Entity
@Table(name = "purchase")
public class Purchase {

    public static final String CURRENCY = "CNY";

    @Id
    private UUID id;
    private UUID customerId;
    private String externalOrderId;
    private BigDecimal amount;
    private BigDecimal refundedAmount;
    private String currency;
    private Instant purchasedAt;
    private String productCategory;
    private String channel;
    private Instant recordedAt;
    @Version
    private long version;
    @OneToMany(mappedBy = "purchase", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<Refund> refunds = new ArrayList<>();

    protected Purchase() {
    }

    public record Recorded(Purchase purchase, PurchaseRecorded event) {
    }

    public static Recorded record(UUID customerId, String externalOrderId, BigDecimal amount, Instant purchasedAt,
            String productCategory, String channel, Instant now) {
        Purchase purchase = new Purchase();
        purchase.id = TimeOrderedUuid.next();
        purchase.customerId = customerId;
        purchase.externalOrderId = externalOrderId;
        purchase.amount = cents(amount);
        purchase.refundedAmount = BigDecimal.ZERO.setScale(2);
        purchase.currency = CURRENCY;
        purchase.purchasedAt = purchasedAt.truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps: the answer
        // to a retry is then the same as the first one
        purchase.productCategory = productCategory;
        purchase.channel = channel;
        purchase.recordedAt = now.truncatedTo(ChronoUnit.MICROS);
        return new Recorded(purchase, new PurchaseRecorded(customerId, purchase.id, externalOrderId, purchase.amount,
                CURRENCY, purchase.purchasedAt, productCategory, channel));
    }

    public record Refunded(Refund refund, PurchaseRefunded event) {
    }

    /** Gives back {@code refundAmount}; refused when it would exceed what is left of the order. */
    public Refunded refund(String externalRefundId, BigDecimal requested, Instant refundedAt, String reason,
            Instant now) {
        BigDecimal refundAmount = cents(requested);
        if (refundAmount.signum() <= 0) {
            throw new InvalidInputException("amount", "must be more than 0");
        }
        BigDecimal remaining = remainingAmount();
        if (refundAmount.compareTo(remaining) > 0) {
            throw new ConflictException("refund of " + refundAmount.toPlainString() + " exceeds the "
                    + remaining.toPlainString() + " " + currency + " left of order " + externalOrderId);
        }
        if (refundedAt.isBefore(purchasedAt)) {
            throw new ConflictException("a refund cannot precede the purchase (" + purchasedAt + ")");
        }
        // kept as PostgreSQL keeps it, like the purchase's times: the answer to a retry is the same as the first one
        Refund refund = new Refund(this, externalRefundId, refundAmount, refundedAt.truncatedTo(ChronoUnit.MICROS),
                reason, now.truncatedTo(ChronoUnit.MICROS));
        refunds.add(refund);
        refundedAmount = refundedAmount.add(refundAmount);
        return new Refunded(refund, new PurchaseRefunded(customerId, refund.id(), id, externalOrderId,
                externalRefundId, refundAmount, remainingAmount(), currency, refund.refundedAt()));
    }

    /** Money in CNY fen: exactly two decimals (callers have refused more). */
    static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    /** Purchases follow their customer into the surviving record of a merge. */
    public void moveTo(UUID survivorId) {
        customerId = survivorId;
    }

    public BigDecimal remainingAmount() {
        return amount.subtract(refundedAmount);
    }

    public UUID id() {
        return id;
    }

    public UUID customerId() {
        return customerId;
    }

    public String externalOrderId() {
        return externalOrderId;
    }

    public BigDecimal amount() {
        return amount;
    }

    public BigDecimal refundedAmount() {
        return refundedAmount;
    }

    public String currency() {
        return currency;
    }

    public Instant purchasedAt() {
        return purchasedAt;
    }

    public String productCategory() {
        return productCategory;
    }

    public String channel() {
        return channel;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public List<Refund> refunds() {
        return refunds.stream().sorted(Comparator.comparing(Refund::refundedAt)).toList();
    }
}
