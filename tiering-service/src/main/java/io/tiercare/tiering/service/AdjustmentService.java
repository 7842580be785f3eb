package io.tiercare.tiering.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.tiercare.chassis.paging.Page;
import io.tiercare.chassis.paging.PageRequest;
import io.tiercare.chassis.problem.ResourceNotFoundException;
import io.tiercare.tiering.TieringConfig;
import io.tiercare.tiering.domain.AppealStatus;
import io.tiercare.tiering.domain.Direction;
import io.tiercare.tiering.domain.TierAppeal;
import io.tiercare.tiering.domain.TierOverride;
import io.tiercare.tiering.messaging.TierEventPublisher;
import io.tiercare.tiering.repository.AdjustmentRepository;
import io.tiercare.tiering.repository.SchemeRepository.Scheme;
import io.tiercare.tiering.repository.TierRepository;
import io.tiercare.tiering.repository.TierRepository.Change;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * What people decide besides the rules. A manual override sets a tier with a reason and an expiry; the override rows
 * are the audit trail. An appeal (申诉) against a tier change is filed within 30 days of it, holds a downgrade while
 * pending, and is decided by someone other than its filer: upheld (the change stands) or overturned (the former tier
 * comes back as an override for a while). The decision is published.
 */
@ApplicationScoped
@Transactional
public class AdjustmentService {

    private final AdjustmentRepository adjustments;
    private final TierRepository tiers;
    private final TierLookup lookup;
    private final TierEvaluationService evaluation;
    private final TierEventPublisher events;
    private final Clock clock;
    private final Duration overturnedFor;

    AdjustmentService(AdjustmentRepository adjustments, TierRepository tiers, TierLookup lookup,
            TierEvaluationService evaluation, TierEventPublisher events, Clock clock, TieringConfig config) {
        this.adjustments = adjustments;
        this.tiers = tiers;
        this.lookup = lookup;
        this.evaluation = evaluation;
        this.events = events;
        this.clock = clock;
        this.overturnedFor = config.overturnedAppealHoldsFor();
    }

    /** Sets the tier by hand until {@code expiresAt}; replaces an override in force in the scheme. */
    public TierOverride override(UUID customerId, String schemeCode, String tier, String reason, Instant expiresAt,
            String by) {
        UUID id = lookup.gradedCustomer(customerId);
        Scheme scheme = lookup.scheme(schemeCode);
        Instant now = clock.instant();
        TierOverride override = TierOverride.set(id, scheme.rules(), tier, reason, expiresAt, by, now);
        tiers.standings(id, true); // one adjustment of a customer at a time
        adjustments.inForce(id, scheme.code()).ifPresent(replaced -> replaced.end(now, by));
        adjustments.add(override);
        evaluation.evaluate(id, "override");
        return override;
    }

    /** Ends the override in force; the rules' tier applies again at once. */
    public void endOverride(UUID customerId, String schemeCode, String by) {
        UUID id = lookup.gradedCustomer(customerId);
        Scheme scheme = lookup.scheme(schemeCode);
        tiers.standings(id, true);
        TierOverride override = adjustments.inForce(id, scheme.code())
                .orElseThrow(() -> new ResourceNotFoundException("No override is in force for customer " + customerId
                        + " in " + scheme.code()));
        override.end(clock.instant(), by);
        evaluation.evaluate(id, "override ended by " + by, Set.of(scheme.code()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TierOverride> overrides(UUID customerId) {
        return adjustments.overrides(lookup.gradedCustomer(customerId));
    }

    /** Files an appeal against the latest change in a scheme, within 30 days of it. */
    public TierAppeal file(UUID customerId, String schemeCode, long changeId, String reason, String by) {
        UUID id = lookup.gradedCustomer(customerId);
        Scheme scheme = lookup.scheme(schemeCode);
        tiers.standings(id, true);
        Change change = tiers.change(id, changeId).filter(c -> c.scheme().equals(scheme.code()))
                .orElseThrow(() -> new ResourceNotFoundException("Customer " + customerId + " has no change "
                        + changeId + " in " + scheme.code()));
        Change latest = tiers.history(id, scheme.code(), 0, 1).get(0);
        TierAppeal appeal = TierAppeal.file(id, appealed(change), appealed(latest),
                adjustments.pendingSchemes(id).contains(scheme.code()), reason, by, clock.instant());
        adjustments.add(appeal);
        evaluation.evaluate(id, "appeal filed");
        return appeal;
    }

    private static TierAppeal.AppealedChange appealed(Change c) {
        return new TierAppeal.AppealedChange(c.id(), c.scheme(), c.fromTier(), c.toTier(),
                Direction.valueOf(c.direction()), c.changedAt());
    }

    /** Decides a pending appeal; the filer may not. */
    public TierAppeal decide(UUID appealId, String decision, String reason, String by) {
        TierAppeal appeal = adjustments.appeal(appealId, true)
                .orElseThrow(() -> ResourceNotFoundException.of("Appeal", appealId));
        Instant now = clock.instant();
        UUID customer = appeal.customerId();
        tiers.standings(customer, true);
        appeal.decide(AppealStatus.valueOf(decision), reason, by, now, overturnedFor).ifPresent(override -> {
            adjustments.inForce(customer, appeal.scheme()).ifPresent(replaced -> replaced.end(now, appeal.asEnder()));
            adjustments.add(override);
        });
        evaluation.evaluate(customer, "appeal " + decision.toLowerCase(Locale.ROOT) + " by " + by);
        String resulting = tiers.standings(customer, false).stream().filter(s -> s.scheme().equals(appeal.scheme()))
                .map(TierRepository.Standing::tier).findFirst().orElse(appeal.appealedToTier());
        events.publish(appeal.decided(resulting));
        return appeal;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TierAppeal appeal(UUID id) {
        return adjustments.appeal(id, false).filter(a -> lookup.visible(a.customerId())) // another manager's: 404
                .orElseThrow(() -> ResourceNotFoundException.of("Appeal", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TierAppeal> appeals(String status, PageRequest page) {
        AppealStatus in = status == null ? null : AppealStatus.valueOf(status);
        return Page.of(adjustments.appeals(in, page.offset(), page.size()), page, adjustments.countAppeals(in));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TierAppeal> appealsOf(UUID customerId) {
        return adjustments.appealsOf(lookup.gradedCustomer(customerId));
    }

}
