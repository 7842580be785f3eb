package io.tiercare.customer.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.tiercare.chassis.paging.Page;
import io.tiercare.chassis.paging.PageRequest;
import io.tiercare.chassis.problem.ConflictException;
import io.tiercare.chassis.problem.InvalidInputException;
import io.tiercare.chassis.problem.ResourceNotFoundException;
import io.tiercare.chassis.time.BusinessTime;
import io.tiercare.customer.domain.Customer;
import io.tiercare.customer.domain.Purchase;
import io.tiercare.customer.messaging.CustomerEventPublisher;
import io.tiercare.customer.repository.PurchaseRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/** Purchases and refunds. An external order (or refund) id is recorded once; a retry returns the first record. */
@ApplicationScoped
@Transactional
public class PurchaseService {

    /** Clocks of order systems drift: a purchase may be stamped this far ahead of ours. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final PurchaseRepository purchases;
    private final CustomerAccess access;
    private final CustomerEventPublisher events;
    private final BusinessTime businessTime;
    private final Clock clock;

    PurchaseService(PurchaseRepository purchases, CustomerAccess access, CustomerEventPublisher events,
            BusinessTime businessTime, Clock clock) {
        this.purchases = purchases;
        this.access = access;
        this.events = events;
        this.businessTime = businessTime;
        this.clock = clock;
    }

    public record RecordPurchase(String externalOrderId, BigDecimal amount, String currency, Instant purchasedAt,
            String productCategory, String channel) {
    }

    public record RecordRefund(String externalRefundId, BigDecimal amount, Instant refundedAt, String reason) {
    }

    /** The record, and whether this call created it (false: the same external id was recorded before). */
    public record Recorded<T>(T value, boolean created) {
    }

    public Recorded<PurchaseView> record(Caller caller, UUID customerId, RecordPurchase command) {
        io.tiercare.customer.repository.CustomerReference customer = access.reference(caller, customerId);
        String orderId = command.externalOrderId().strip();
        requireCurrency(command.currency());
        Instant now = clock.instant();
        requireNotFuture("purchasedAt", command.purchasedAt(), now);
        Purchase.Recorded recorded = Purchase.record(customer.id(), orderId, command.amount(), command.purchasedAt(),
                blankToNull(command.productCategory()), blankToNull(command.channel()), now);
        if (purchases.insertIfAbsent(recorded.purchase())) {
            events.publish(List.of(recorded.event()));
            return new Recorded<>(PurchaseView.of(recorded.purchase()), true);
        }
        Purchase first = purchases.findByExternalOrderId(orderId).orElseThrow();
        if (!first.customerId().equals(customer.id()) || first.amount().compareTo(recorded.purchase().amount()) != 0) {
            throw new ConflictException("order " + orderId + " was already recorded for customer "
                    + first.customerId() + " with amount " + first.amount().toPlainString());
        }
        return new Recorded<>(PurchaseView.of(first), false);
    }

    public Recorded<PurchaseView> refund(Caller caller, UUID customerId, UUID purchaseId, RecordRefund command) {
        Customer customer = access.visible(caller, customerId);
        String refundId = command.externalRefundId().strip();
        purchases.lockExternalId("refund:" + refundId);
        Purchase purchase = purchases.findByIdOptional(purchaseId, LockModeType.PESSIMISTIC_WRITE)
                .filter(p -> p.customerId().equals(customer.id()))
                .orElseThrow(() -> ResourceNotFoundException.of("Purchase", purchaseId));
        var existing = purchases.findRefundByExternalId(refundId);
        if (existing.isPresent()) {
            boolean same = purchase.refunds().stream().anyMatch(r -> r.id().equals(existing.get().id()))
                    && existing.get().amount().compareTo(command.amount()) == 0;
            if (!same) {
                throw new ConflictException("refund " + refundId + " was already recorded with amount "
                        + existing.get().amount().toPlainString() + " on another order or amount");
            }
            return new Recorded<>(PurchaseView.of(purchase), false);
        }
        Instant now = clock.instant();
        requireNotFuture("refundedAt", command.refundedAt(), now);
        Purchase.Refunded refunded = purchase.refund(refundId, command.amount(), command.refundedAt(),
                blankToNull(command.reason()), now);
        purchases.flush();
        events.publish(List.of(refunded.event()));
        return new Recorded<>(PurchaseView.of(purchase), true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PurchaseView> list(Caller caller, UUID customerId, PageRequest page) {
        Customer customer = access.visible(caller, customerId);
        return Page.of(purchases.page(customer.id(), page).stream().map(PurchaseView::of).toList(), page,
                purchases.countFor(customer.id()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PurchaseView get(Caller caller, UUID customerId, UUID purchaseId) {
        Customer customer = access.visible(caller, customerId);
        return purchases.findByIdOptional(purchaseId).filter(p -> p.customerId().equals(customer.id()))
                .map(PurchaseView::of).orElseThrow(() -> ResourceNotFoundException.of("Purchase", purchaseId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PurchaseSummary summary(Caller caller, UUID customerId) {
        Customer customer = access.visible(caller, customerId);
        Instant trailingFrom = clock.instant().atZone(businessTime.zone()).minusMonths(12).toInstant();
        PurchaseRepository.Summary s = purchases.summary(customer.id(), trailingFrom);
        BigDecimal total = s.grossTotal().subtract(s.refundedTotal());
        BigDecimal average = s.purchaseCount() == 0 ? BigDecimal.ZERO.setScale(2)
                : total.divide(BigDecimal.valueOf(s.purchaseCount()), 2, RoundingMode.HALF_UP);
        return new PurchaseSummary(customer.id(), s.purchaseCount(), total.setScale(2), s.refundedTotal().setScale(2),
                s.trailingNet().setScale(2), average, s.firstPurchaseAt(), s.lastPurchaseAt(), Purchase.CURRENCY);
    }

    private static void requireCurrency(String currency) {
        if (currency != null && !Purchase.CURRENCY.equals(currency)) {
            throw new InvalidInputException("currency", "only CNY is accepted");
        }
    }

    private static void requireNotFuture(String field, Instant at, Instant now) {
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidInputException(field, "must not be in the future");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
