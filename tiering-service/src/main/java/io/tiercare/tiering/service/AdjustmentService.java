package io.tiercare.tiering.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.tiercare.chassis.id.TimeOrderedUuid;
import io.tiercare.chassis.paging.Page;
import io.tiercare.chassis.paging.PageRequest;
import io.tiercare.chassis.problem.ActionForbiddenException;
import io.tiercare.chassis.problem.ConflictException;
import io.tiercare.chassis.problem.InvalidInputException;
import io.tiercare.chassis.problem.ResourceNotFoundException;
import io.tiercare.tiering.domain.PolicyDefinition.TierRule;
import io.tiercare.tiering.repository.AdjustmentRepository;
import io.tiercare.tiering.repository.AdjustmentRepository.Appeal;
import io.tiercare.tiering.repository.AdjustmentRepository.TierOverride;
import io.tiercare.tiering.repository.SchemeRepository.Scheme;
import io.tiercare.tiering.repository.TierRepository;
import io.tiercare.tiering.repository.TierRepository.Change;
import io.tiercare.tiering.repository.TierRepository.Standing;
import io.tiercare.tiering.service.TierEvaluationService.AppealDecided;
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

    public static final Duration APPEAL_WINDOW = Duration.ofDays(30);

    private final AdjustmentRepository adjustments;
    private final TierRepository tiers;
    private final TierLookup lookup;
    private final TierEvaluationService evaluation;
    private final Clock clock;
    private final Duration overturnedFor;

    AdjustmentService(AdjustmentRepository adjustments, TierRepository tiers, TierLookup lookup,
            TierEvaluationService evaluation, Clock clock,
            @ConfigProperty(name = "tiercare.tiering.overturned-appeal-holds-for", defaultValue = "P90D")
            Duration overturnedFor) {
        this.adjustments = adjustments;
        this.tiers = tiers;
        this.lookup = lookup;
        this.evaluation = evaluation;
        this.clock = clock;
        this.overturnedFor = overturnedFor;
    }

    /** Sets the tier by hand until {@code expiresAt}; replaces an override in force in the scheme. */
    public TierOverride override(UUID customerId, String schemeCode, String tier, String reason, Instant expiresAt,
            String by) {
        UUID id = lookup.gradedCustomer(customerId);
        Scheme scheme = lookup.scheme(schemeCode);
        Set<String> codes = scheme.policy().tiers().stream().map(TierRule::code)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        if (!codes.contains(tier)) {
            throw new InvalidInputException("tier", "'" + tier + "' is not a tier of " + scheme.code() + "; its tiers: "
                    + String.join(", ", codes));
        }
        Instant now = clock.instant();
        if (!expiresAt.isAfter(now)) {
            throw new InvalidInputException("expiresAt", "must be in the future");
        }
        tiers.standings(id, true); // one adjustment of a customer at a time
        adjustments.end(id, scheme.code(), now, by);
        TierOverride override = new TierOverride(TimeOrderedUuid.next(), id, scheme.code(), tier, reason.strip(),
                expiresAt, by, now, null, null, null);
        adjustments.insert(override);
        evaluation.evaluate(id, "override");
        return override;
    }

    /** Ends the override in force; the rules' tier applies again at once. */
    public void endOverride(UUID customerId, String schemeCode, String by) {
        UUID id = lookup.gradedCustomer(customerId);
        Scheme scheme = lookup.scheme(schemeCode);
        tiers.standings(id, true);
        if (!adjustments.end(id, scheme.code(), clock.instant(), by)) {
            throw new ResourceNotFoundException("No override is in force for customer " + customerId + " in "
                    + scheme.code());
        }
        evaluation.evaluate(id, "override ended by " + by, Set.of(scheme.code()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TierOverride> overrides(UUID customerId) {
        return adjustments.overrides(lookup.gradedCustomer(customerId));
    }

    /** Files an appeal against the latest change in a scheme, within 30 days of it. */
    public Appeal file(UUID customerId, String schemeCode, long changeId, String reason, String by) {
        UUID id = lookup.gradedCustomer(customerId);
        Scheme scheme = lookup.scheme(schemeCode);
        tiers.standings(id, true);
        Change change = tiers.change(id, changeId).filter(c -> c.scheme().equals(scheme.code()))
                .orElseThrow(() -> new ResourceNotFoundException("Customer " + customerId + " has no change "
                        + changeId + " in " + scheme.code()));
        Change latest = tiers.history(id, scheme.code(), 0, 1).get(0);
        if (latest.id() != change.id()) {
            throw new ConflictException("only the latest change in " + scheme.code() + " can be appealed: change "
                    + change.id() + " was followed by change " + latest.id() + " (" + latest.toTier() + ")");
        }
        if ("INITIAL".equals(change.direction())) {
            throw new ConflictException("change " + change.id() + " is the customer's first grading in "
                    + scheme.code() + ": there is no earlier tier to return to");
        }
        Instant now = clock.instant();
        Instant deadline = change.changedAt().plus(APPEAL_WINDOW);
        if (now.isAfter(deadline)) {
            throw new ConflictException("change " + change.id() + " took effect at " + change.changedAt()
                    + ": an appeal had to be filed within 30 days, by " + deadline);
        }
        if (adjustments.pendingSchemes(id).contains(scheme.code())) {
            throw new ConflictException("an appeal in " + scheme.code() + " is already pending for customer "
                    + customerId);
        }
        Appeal appeal = new Appeal(TimeOrderedUuid.next(), id, scheme.code(), change.id(), change.fromTier(),
                change.toTier(), reason.strip(), by, now, "PENDING", null, null, null);
        adjustments.insert(appeal);
        evaluation.evaluate(id, "appeal filed");
        return appeal;
    }

    /** Decides a pending appeal; the filer may not. */
    public Appeal decide(UUID appealId, String decision, String reason, String by) {
        Appeal appeal = adjustments.appeal(appealId, true)
                .orElseThrow(() -> ResourceNotFoundException.of("Appeal", appealId));
        if (!"PENDING".equals(appeal.status())) {
            throw new ConflictException("appeal " + appealId + " was already decided: " + appeal.status() + " by "
                    + appeal.decidedBy() + " at " + appeal.decidedAt());
        }
        if (appeal.filedBy().equals(by)) {
            throw new ActionForbiddenException("appeal " + appealId + " was filed by " + by
                    + ": another reviewer must decide it (four-eyes)");
        }
        Instant now = clock.instant();
        UUID customer = appeal.customerId();
        tiers.standings(customer, true);
        adjustments.decide(appealId, decision, reason.strip(), by, now);
        if ("OVERTURNED".equals(decision)) {
            adjustments.end(customer, appeal.scheme(), now, "appeal " + appealId);
            adjustments.insert(new TierOverride(TimeOrderedUuid.next(), customer, appeal.scheme(),
                    appeal.appealedFromTier(), "appeal overturned the change to " + appeal.appealedToTier() + ": "
                            + reason.strip(), now.plus(overturnedFor), by, now, null, null, appealId));
        }
        evaluation.evaluate(customer, "appeal " + decision.toLowerCase() + " by " + by);
        String resulting = tiers.standings(customer, false).stream().filter(s -> s.scheme().equals(appeal.scheme()))
                .map(Standing::tier).findFirst().orElse(appeal.appealedToTier());
        evaluation.publish(customer, new AppealDecided(appealId, customer, appeal.scheme(),
                appeal.appealedFromTier(), appeal.appealedToTier(), decision,
                "appeal " + decision.toLowerCase(java.util.Locale.ROOT) + " (the reviewer's words stay in tiering)",
                appeal.filedBy(), by,
                now, resulting), TierEvaluationService.APPEAL_DECIDED);
        return adjustments.appeal(appealId, false).orElseThrow();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Appeal appeal(UUID id) {
        return adjustments.appeal(id, false).filter(a -> lookup.visible(a.customerId())) // another manager's: 404
                .orElseThrow(() -> ResourceNotFoundException.of("Appeal", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Appeal> appeals(String status, PageRequest page) {
        return Page.of(adjustments.appeals(status, page.offset(), page.size()), page,
                adjustments.countAppeals(status));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Appeal> appealsOf(UUID customerId) {
        return adjustments.appealsOf(lookup.gradedCustomer(customerId));
    }

}
