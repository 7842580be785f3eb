package io.tiercare.customer.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import static java.util.stream.Collectors.toSet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.tiercare.chassis.batch.GroupCommit;
import io.tiercare.chassis.batch.GroupCommit.Outcome;
import io.tiercare.chassis.paging.Page;
import io.tiercare.chassis.paging.PageRequest;
import io.tiercare.chassis.problem.ConflictException;
import io.tiercare.chassis.problem.InvalidInputException;
import io.tiercare.chassis.problem.ResourceNotFoundException;
import io.tiercare.chassis.security.Caller;
import io.tiercare.chassis.time.BusinessTime;
import io.tiercare.chassis.trace.EventTrace;
import io.tiercare.customer.domain.Customer;
import io.tiercare.customer.domain.Purchase;
import io.tiercare.customer.messaging.CustomerEventPublisher;
import io.tiercare.customer.repository.CustomerReference;
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

    /** A purchase to record, as {@link PurchaseRecording} received it. */
    public record PendingPurchase(Caller caller, UUID customerId, String orderId, RecordPurchase command,
            Instant now, EventTrace origin) {

        /** The purchase and its event, on the customer the id led to. */
        Purchase.Recorded on(UUID customer) {
            return Purchase.record(customer, orderId, command.amount(), command.purchasedAt(),
                    blankToNull(command.productCategory()), blankToNull(command.channel()), now);
        }
    }

    /**
     * Records purchases in one new transaction, each with whatever answer it deserves: created, the first record of
     * a repeated order, or its own refusal (unknown, erased or out-of-scope customer, an order id reused for other
     * facts). A merged customer id records the purchase on the survivor. {@link PurchaseRecording} writes the common
     * case faster and sends here what that path left undone.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Outcome<Recorded<PurchaseView>>> recordAll(List<PendingPurchase> batch) {
        Map<UUID, CustomerReference> refs = access.references(batch.stream().map(PendingPurchase::customerId)
                .collect(toSet()));
        List<Outcome<Recorded<PurchaseView>>> outcomes = new ArrayList<>(Collections.nCopies(batch.size(), null));
        Map<String, Purchase.Recorded> fresh = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            PendingPurchase pending = batch.get(i);
            try {
                CustomerReference customer = access.check(pending.caller(), pending.customerId(),
                        refs.get(pending.customerId()));
                fresh.put(pending.orderId(), pending.on(customer.id()));
            } catch (RuntimeException refused) {
                outcomes.set(i, GroupCommit.failed(refused));
            }
        }
        Set<String> inserted = purchases.insertAllIfAbsent(fresh.values().stream().map(Purchase.Recorded::purchase)
                .toList());
        Map<String, EventTrace> origins = new HashMap<>();
        batch.forEach(pending -> origins.put(pending.orderId(), pending.origin()));
        List<Purchase.Recorded> written = fresh.values().stream()
                .filter(r -> inserted.contains(r.purchase().externalOrderId())).toList();
        events.publish(written.stream().map(Purchase.Recorded::event).toList(),
                written.stream().map(r -> origins.get(r.purchase().externalOrderId())).toList());
        Map<String, Purchase> earlier = purchases.findByExternalOrderIds(fresh.keySet().stream()
                .filter(id -> !inserted.contains(id)).toList());
        for (int i = 0; i < batch.size(); i++) {
            if (outcomes.get(i) != null) {
                continue; // refused before writing
            }
            Purchase.Recorded recorded = fresh.get(batch.get(i).orderId());
            if (inserted.contains(recorded.purchase().externalOrderId())) {
                outcomes.set(i, GroupCommit.done(new Recorded<>(PurchaseView.of(recorded.purchase()), true)));
            } else {
                outcomes.set(i, sameOrder(earlier.get(recorded.purchase().externalOrderId()), recorded.purchase()));
            }
        }
        return outcomes;
    }

    /** A retry of an order recorded before gets the first record; the same order id with other facts is refused. */
    private static Outcome<Recorded<PurchaseView>> sameOrder(Purchase first, Purchase retry) {
        if (!first.customerId().equals(retry.customerId()) || first.amount().compareTo(retry.amount()) != 0) {
            return GroupCommit.failed(new ConflictException("order " + first.externalOrderId()
                    + " was already recorded for customer " + first.customerId() + " with amount "
                    + first.amount().toPlainString()));
        }
        return GroupCommit.done(new Recorded<>(PurchaseView.of(first), false));
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
        Instant trailingFrom = businessTime.trailingMonths(12).start(businessTime.zone());
        PurchaseRepository.Summary s = purchases.summary(customer.id(), trailingFrom);
        BigDecimal total = s.grossTotal().subtract(s.refundedTotal());
        BigDecimal average = s.purchaseCount() == 0 ? BigDecimal.ZERO.setScale(2)
                : total.divide(BigDecimal.valueOf(s.purchaseCount()), 2, RoundingMode.HALF_UP);
        return new PurchaseSummary(customer.id(), s.purchaseCount(), total.setScale(2), s.refundedTotal().setScale(2),
                s.trailingNet().setScale(2), average, s.firstPurchaseAt(), s.lastPurchaseAt(), Purchase.CURRENCY);
    }

    static void requireCurrency(String currency) {
        if (currency != null && !Purchase.CURRENCY.equals(currency)) {
            throw new InvalidInputException("currency", "only CNY is accepted");
        }
    }

    static void requireNotFuture(String field, Instant at, Instant now) {
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidInputException(field, "must not be in the future");
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
