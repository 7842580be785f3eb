package io.tiercare.tiering.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tiercare.chassis.time.BusinessTime;
import io.tiercare.tiering.domain.event.CustomerErased;
import io.tiercare.tiering.messaging.TierEventPublisher;
import io.tiercare.tiering.repository.MetricsRepository;
import io.tiercare.tiering.repository.TierRepository;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies customer facts to the metrics projection. The facts of one transaction are applied in order through a
 * {@link Changes}, which remembers whom they touched and why; {@link Changes#evaluate()} then re-evaluates all of
 * them at once (set-based), so a poll of many events costs one evaluation per customer, not one per event. Ids
 * merged away resolve to their survivor, so events that arrive after a merge count for the survivor.
 */
@ApplicationScoped
public class MetricsProjection {

    /** How many reasons a re-evaluation names before it says "and N more". */
    static final int REASONS_SHOWN = 3;

    private final MetricsRepository metrics;
    private final TierRepository tiers;
    private final TierEvaluationService evaluation;
    private final TierEventPublisher events;
    private final BusinessTime businessTime;
    private final Clock clock;

    MetricsProjection(MetricsRepository metrics, TierRepository tiers, TierEvaluationService evaluation,
            TierEventPublisher events, BusinessTime businessTime, Clock clock) {
        this.metrics = metrics;
        this.tiers = tiers;
        this.evaluation = evaluation;
        this.events = events;
        this.businessTime = businessTime;
        this.clock = clock;
    }

    /** A fresh set of changes, for one transaction. */
    public Changes changes() {
        return new Changes();
    }

    /** The facts applied in one transaction and the customers they touched; used from within that transaction. */
    public final class Changes {

        private final Map<UUID, List<String>> touched = new LinkedHashMap<>();

        private Changes() {
        }

        /**
         * Locks the rows of these customers (those that exist) in id order before any fact is applied: applying
         * facts in the order events arrive would otherwise lock rows in that order, and a bulk evaluation, which locks
         * in id order, could deadlock with it.
         */
        public void lockFirst(Collection<UUID> customerIds) {
            metrics.lock(customerIds.stream().distinct().toList());
        }

        public void profile(UUID customerId, Instant registeredAt, boolean usesCompetitor, UUID referredBy,
                String reason) {
            UUID id = known(customerId);
            UUID formerReferrer = metrics.referrerOf(id).orElse(null);
            metrics.profile(id, registeredAt, usesCompetitor, referredBy);
            touch(id, reason);
            for (UUID referrer : new UUID[] { formerReferrer, referredBy }) {
                if (referrer != null && !referrer.equals(id)) {
                    UUID resolved = metrics.resolve(referrer);
                    metrics.ensure(resolved, clock.instant());
                    touch(resolved, "referral changed");
                }
            }
        }

        /** The customer's account manager (null: none); it decides who may read the customer's tiers. */
        public void accountManager(UUID customerId, String accountManagerId) {
            metrics.accountManager(known(customerId), accountManagerId);
        }

        public void purchase(UUID customerId, UUID purchaseId, BigDecimal amount, Instant purchasedAt) {
            UUID id = known(customerId);
            if (metrics.purchase(id, purchaseId, amount, purchasedAt, month(purchasedAt))) {
                touch(id, "purchase of " + amount.toPlainString() + " CNY");
            }
        }

        public void refund(UUID customerId, UUID purchaseId, BigDecimal amount, Instant refundedAt) {
            UUID id = known(customerId);
            metrics.refund(id, purchaseId, amount, month(refundedAt));
            touch(id, "refund of " + amount.toPlainString() + " CNY");
        }

        public void inquiry(UUID customerId, Instant occurredAt) {
            UUID id = known(customerId);
            metrics.inquiry(id, occurredAt);
            touch(id, "inquiry recorded");
        }

        public void complaintFiled(UUID customerId, UUID complaintId, String severity, String category,
                Instant filedAt) {
            UUID id = known(customerId);
            metrics.complaintFiled(complaintId, id, severity, category, filedAt);
            touch(id, "complaint filed" + (severity == null ? "" : " (" + severity + ")"));
        }

        /** {@code what}: resolved, closed or reopened, for the history's reason. */
        public void complaintStatus(UUID customerId, UUID complaintId, boolean open, Instant at, String what) {
            UUID id = known(customerId);
            metrics.complaintStatus(complaintId, id, open, at);
            touch(id, "complaint " + what);
        }

        public void complaintRated(UUID customerId, UUID complaintId, int rating, Instant at) {
            UUID id = known(customerId);
            metrics.complaintRated(complaintId, id, rating, at);
            touch(id, "complaint rated " + rating + "/5");
        }

        /** A care task completed: participation and satisfaction (the ABCD grade's service contribution). */
        public void careContact(UUID customerId, UUID taskId, Instant completedAt, String outcome,
                Integer satisfaction) {
            UUID id = known(customerId);
            metrics.careContact(id, taskId, completedAt, outcome, satisfaction);
            touch(id, "care contact " + outcome + (satisfaction == null ? "" : " " + satisfaction + "/5"));
        }

        public void merge(UUID survivor, UUID merged) {
            UUID into = known(survivor);
            if (merged.equals(into)) {
                return;
            }
            metrics.ensure(merged, clock.instant());
            metrics.merge(into, merged);
            tiers.deleteAll(merged);
            touched.remove(merged);
            touch(into, "merged with " + merged);
        }

        public void erase(UUID customerId, Instant erasedAt) {
            UUID id = known(customerId);
            metrics.erase(id, erasedAt);
            events.publish(new CustomerErased(id, erasedAt));
            touched.remove(id);
        }

        /**
         * Re-evaluates every customer touched, once each, with the reasons in the order they happened. Returns how
         * many tiers changed.
         */
        public int evaluate() {
            if (touched.isEmpty()) {
                return 0;
            }
            int changes = evaluation.evaluateAll(List.copyOf(touched.keySet()), id -> reason(touched.get(id)));
            touched.clear();
            return changes;
        }

        private void touch(UUID id, String reason) {
            touched.computeIfAbsent(id, k -> new ArrayList<>()).add(reason);
        }
    }

    /** "purchase of 100 CNY", or for several facts "purchase of 100 CNY; inquiry recorded; … and 2 more". */
    static String reason(List<String> reasons) {
        if (reasons.size() <= REASONS_SHOWN) {
            return String.join("; ", reasons);
        }
        return String.join("; ", reasons.subList(0, REASONS_SHOWN)) + " and " + (reasons.size() - REASONS_SHOWN)
                + " more";
    }

    private UUID known(UUID customerId) {
        UUID id = metrics.resolve(customerId);
        metrics.ensure(id, clock.instant());
        return id;
    }

    private YearMonth month(Instant at) {
        return YearMonth.from(at.atZone(businessTime.zone()));
    }
}
