package io.tiercare.customer.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import io.tiercare.customer.CustomerConfig;
import io.tiercare.chassis.batch.GroupCommit;
import io.tiercare.chassis.batch.GroupCommit.Outcome;
import io.tiercare.chassis.outbox.OutboxEvent;
import io.tiercare.chassis.security.Caller;
import io.tiercare.chassis.trace.EventTrace;
import io.tiercare.customer.domain.Purchase;
import io.tiercare.customer.messaging.CustomerEventPublisher;
import io.tiercare.customer.repository.PurchaseRepository;
import io.tiercare.customer.service.PurchaseService.PendingPurchase;
import io.tiercare.customer.service.PurchaseService.RecordPurchase;
import io.tiercare.customer.service.PurchaseService.Recorded;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Purchase recording, the busiest write of the suite: order systems post in bursts.
 * <p>
 * Concurrent recordings are written together (group commit): a few writer threads each take whatever has arrived
 * and write it in one statement that inserts the purchases of live customers under new order ids with their events,
 * a single round trip and commit for many purchases. Whatever that statement left out (an order recorded before, a
 * merged, erased or unknown customer, a caller confined to their own customers) goes through
 * {@link PurchaseService#recordAll} in a transaction, which finds each its proper answer. Every caller gets its own
 * answer, and only once its purchase and event are committed; nobody holds a thread while waiting.
 */
@ApplicationScoped
public class PurchaseRecording {

    /** The most purchases written in one statement. */
    private static final int MAX_BATCH = 64;

    private final PurchaseService purchases;
    private final PurchaseRepository repository;
    private final Clock clock;
    private final GroupCommit<PendingPurchase, Recorded<PurchaseView>> recordings;

    PurchaseRecording(PurchaseService purchases, PurchaseRepository repository, Clock clock,
            CustomerConfig config) {
        int writers = config.purchaseWriters();
        this.purchases = purchases;
        this.repository = repository;
        this.clock = clock;
        this.recordings = new GroupCommit<>("purchases", MAX_BATCH, writers, PendingPurchase::orderId, this::write);
    }

    /** Records the purchase; the stage completes once it is committed, or fails with the caller's problem. */
    public CompletionStage<Recorded<PurchaseView>> record(Caller caller, UUID customerId, RecordPurchase command) {
        PurchaseService.requireCurrency(command.currency());
        Instant now = clock.instant();
        PurchaseService.requireNotFuture("purchasedAt", command.purchasedAt(), now);
        return recordings.submit(new PendingPurchase(caller, customerId, command.externalOrderId().strip(), command,
                now, EventTrace.current()));
    }

    @PreDestroy
    void stop() {
        recordings.close();
    }

    private List<Outcome<Recorded<PurchaseView>>> write(List<PendingPurchase> batch) {
        List<Outcome<Recorded<PurchaseView>>> outcomes = new ArrayList<>(Collections.nCopies(batch.size(), null));
        List<Integer> quick = new ArrayList<>(batch.size());
        List<Purchase.Recorded> fresh = new ArrayList<>(batch.size());
        List<OutboxEvent> events = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            PendingPurchase pending = batch.get(i);
            if (pending.caller().managerScope().isEmpty()) {
                quick.add(i);
                Purchase.Recorded recorded = pending.on(pending.customerId());
                fresh.add(recorded);
                events.add(CustomerEventPublisher.asOutboxEvent(recorded.event(), pending.origin()));
            }
        }
        Set<UUID> inserted = repository.insertForLiveCustomers(
                fresh.stream().map(Purchase.Recorded::purchase).toList(), events);
        for (int q = 0; q < quick.size(); q++) {
            Purchase purchase = fresh.get(q).purchase();
            if (inserted.contains(purchase.id())) {
                outcomes.set(quick.get(q), GroupCommit.done(new Recorded<>(PurchaseView.of(purchase), true)));
            }
        }
        List<Integer> left = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (outcomes.get(i) == null) {
                left.add(i);
            }
        }
        if (!left.isEmpty()) {
            List<Outcome<Recorded<PurchaseView>>> explained = purchases.recordAll(left.stream().map(batch::get)
                    .toList());
            for (int l = 0; l < left.size(); l++) {
                outcomes.set(left.get(l), explained.get(l));
            }
        }
        return outcomes;
    }
}
