package io.tiercare.tiering.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

import io.tiercare.chassis.time.BusinessTime;
import io.tiercare.tiering.repository.MetricsRepository;
import io.tiercare.tiering.repository.TierRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Applies customer facts to the metrics projection and re-evaluates whoever they change. Ids merged away resolve
 * to their survivor, so events that arrive after a merge count for the survivor.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MetricsProjection {

    private final MetricsRepository metrics;
    private final TierRepository tiers;
    private final TierEvaluationService evaluation;
    private final BusinessTime businessTime;
    private final Clock clock;

    MetricsProjection(MetricsRepository metrics, TierRepository tiers, TierEvaluationService evaluation,
            BusinessTime businessTime, Clock clock) {
        this.metrics = metrics;
        this.tiers = tiers;
        this.evaluation = evaluation;
        this.businessTime = businessTime;
        this.clock = clock;
    }

    public void profile(UUID customerId, Instant registeredAt, boolean usesCompetitor, UUID referredBy,
            String reason) {
        UUID id = known(customerId);
        UUID formerReferrer = metrics.referrerOf(id).orElse(null);
        metrics.profile(id, registeredAt, usesCompetitor, referredBy);
        evaluation.evaluate(id, reason);
        for (UUID referrer : new UUID[] { formerReferrer, referredBy }) {
            if (referrer != null && !referrer.equals(id)) {
                UUID resolved = metrics.resolve(referrer);
                metrics.ensure(resolved, clock.instant());
                evaluation.evaluate(resolved, "referral changed");
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
            evaluation.evaluate(id, "purchase of " + amount.toPlainString() + " CNY");
        }
    }

    public void refund(UUID customerId, UUID purchaseId, BigDecimal amount, Instant refundedAt) {
        UUID id = known(customerId);
        metrics.refund(id, purchaseId, amount, month(refundedAt));
        evaluation.evaluate(id, "refund of " + amount.toPlainString() + " CNY");
    }

    public void inquiry(UUID customerId, Instant occurredAt) {
        UUID id = known(customerId);
        metrics.inquiry(id, occurredAt);
        evaluation.evaluate(id, "inquiry recorded");
    }

    public void complaintFiled(UUID customerId, UUID complaintId, String severity, String category,
            Instant filedAt) {
        UUID id = known(customerId);
        metrics.complaintFiled(complaintId, id, severity, category, filedAt);
        evaluation.evaluate(id, "complaint filed" + (severity == null ? "" : " (" + severity + ")"));
    }

    /** {@code what}: resolved, closed or reopened, for the history's reason. */
    public void complaintStatus(UUID customerId, UUID complaintId, boolean open, Instant at, String what) {
        UUID id = known(customerId);
        metrics.complaintStatus(complaintId, id, open, at);
        evaluation.evaluate(id, "complaint " + what);
    }

    public void complaintRated(UUID customerId, UUID complaintId, int rating, Instant at) {
        UUID id = known(customerId);
        metrics.complaintRated(complaintId, id, rating, at);
        evaluation.evaluate(id, "complaint rated " + rating + "/5");
    }

    public void merge(UUID survivor, UUID merged) {
        UUID into = known(survivor);
        if (merged.equals(into)) {
            return;
        }
        metrics.ensure(merged, clock.instant());
        metrics.merge(into, merged);
        tiers.deleteAll(merged);
        evaluation.evaluate(into, "merged with " + merged);
    }

    public void erase(UUID customerId, Instant erasedAt) {
        UUID id = known(customerId);
        metrics.erase(id, erasedAt);
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
