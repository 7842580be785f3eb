package io.tiercare.tiering.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import io.tiercare.tiering.domain.Evaluator.Evaluation;
import io.tiercare.tiering.domain.PolicyDefinition.Downgrade;
import io.tiercare.tiering.domain.event.DowngradeWarning;
import io.tiercare.tiering.domain.event.LifecycleChanged;
import io.tiercare.tiering.domain.event.TierChanged;
import io.tiercare.tiering.domain.event.TierEvent;

/**
 * A customer's standing in one scheme, and the rules that move it (domain.md §3). An evaluation's tier applies at once
 * when it is a first grading, an upgrade, a stage change or a downgrade under an IMMEDIATE policy; otherwise the
 * downgrade is pending: due after the grace period or at the end of the year, announced {@code warningDays} before
 * (once), held undated while a severe complaint is open or an appeal pending, and dropped when the customer qualifies
 * again. An override in force sets the tier whatever the rules say. Each decision returns the standing to keep, the
 * history line and the events.
 */
public record TierStanding(UUID customerId, String scheme, String tier, Instant since, int policyVersion,
        BigDecimal score, String pendingTier, Instant downgradeAt, Instant warningAt, boolean warned) {

    /**
     * What bears on a decision besides the evaluation: {@code reason} names what triggered it; {@code immediate}: no
     * grace for a downgrade (an override has just ended); {@code held}: a downgrade waits, undated (an open severe
     * complaint, a pending appeal); the time and the business time zone (where the year ends).
     */
    public record Circumstances(String reason, boolean immediate, boolean held, Instant now, ZoneId zone) {
    }

    /** An override in force: its tier, why (for the history) and what the public event may say. */
    public record Override(String tier, Instant expiresAt, String why, String told) {
    }

    /** The first grading of a customer in the scheme. */
    public static TierDecision first(UUID customerId, TierScheme scheme, Evaluation evaluation, Circumstances c) {
        TierStanding none = new TierStanding(customerId, scheme.code(), null, null, 0, null, null, null, null, false);
        return none.moveTo(scheme, evaluation.tier(), Direction.INITIAL, c.reason(), c.reason(), evaluation.score(),
                evaluation.summary(), c.now());
    }

    /**
     * Applies the rules' verdict to this standing; {@code toKeep} says what the customer must do to keep the tier (asked
     * only when a warning goes out).
     */
    public TierDecision judge(TierScheme scheme, Evaluation evaluation, Circumstances c, Supplier<List<String>> toKeep) {
        String target = evaluation.tier();
        BigDecimal newScore = evaluation.score();
        Instant now = c.now();
        if (target.equals(tier)) {
            return stays(scheme, newScore, null, null, null, false, List.of());
        }
        int index = scheme.indexOf(tier);
        boolean down = scheme.ranked() && index >= 0 && evaluation.index() > index;
        Downgrade policy = scheme.policy().downgradeOrDefault();
        if (!down || policy.mode() == Downgrade.Mode.IMMEDIATE || c.immediate()) {
            Direction direction = down ? Direction.DOWN : scheme.ranked() ? Direction.UP : Direction.LATERAL;
            return moveTo(scheme, target, direction, c.reason(), c.reason(), newScore, evaluation.summary(), now);
        }
        if (c.held()) {
            // no date runs while held; a fresh period starts once the hold ends
            return stays(scheme, newScore, target, null, null, false, List.of());
        }
        Instant due = pendingTier != null && downgradeAt != null ? downgradeAt
                : policy.mode() == Downgrade.Mode.GRACE_PERIOD ? now.plus(Duration.ofDays(policy.graceDays()))
                        : endOfYear(now, c.zone());
        if (!now.isBefore(due)) {
            String why = c.reason() + (policy.mode() == Downgrade.Mode.GRACE_PERIOD ? " (grace period over)"
                    : " (end of the qualifying period)");
            return moveTo(scheme, target, Direction.DOWN, why, why, newScore, evaluation.summary(), now);
        }
        Instant warnAt = policy.warningDays() == null ? null : due.minus(Duration.ofDays(policy.warningDays()));
        boolean alreadyWarned = warned && due.equals(downgradeAt);
        if (!alreadyWarned && warnAt != null && !now.isBefore(warnAt)) {
            return stays(scheme, newScore, target, due, warnAt, true, List.of(new DowngradeWarning(customerId,
                    scheme.code(), tier, target, due, scheme.version(), now, toKeep.get())));
        }
        return stays(scheme, newScore, target, due, warnAt, alreadyWarned, List.of());
    }

    /** An override in force sets the tier (the rules' score is still kept); a standing of null: a first grading. */
    public static TierDecision overridden(UUID customerId, TierStanding before, TierScheme scheme, Override override,
            Evaluation evaluation, Instant now) {
        if (before != null && override.tier().equals(before.tier())) {
            return before.stays(scheme, evaluation.score(), null, null, null, false, List.of());
        }
        TierStanding from = before != null ? before
                : new TierStanding(customerId, scheme.code(), null, null, 0, null, null, null, null, false);
        return from.moveTo(scheme, override.tier(), scheme.direction(from.tier(), override.tier()), override.why(),
                override.told(), evaluation.score(), override.tier() + ": set by hand until " + override.expiresAt(),
                now);
    }

    /** Whether storing {@code other} would change nothing that matters (a daily run writes only what moved). */
    public boolean sameAs(TierStanding other) {
        return other != null && Objects.equals(tier, other.tier) && Objects.equals(since, other.since)
                && policyVersion == other.policyVersion
                && (score == null ? other.score == null : other.score != null && score.compareTo(other.score) == 0)
                && Objects.equals(pendingTier, other.pendingTier) && Objects.equals(downgradeAt, other.downgradeAt)
                && Objects.equals(warningAt, other.warningAt) && warned == other.warned;
    }

    /** The start of the next year in the business time zone: when an END_OF_PERIOD downgrade falls due. */
    public static Instant endOfYear(Instant now, ZoneId zone) {
        return Year.from(now.atZone(zone)).plusYears(1).atDay(1).atStartOfDay(zone).toInstant();
    }

    private TierDecision stays(TierScheme scheme, BigDecimal newScore, String pending, Instant due, Instant warnAt,
            boolean warnedNow, List<TierEvent> events) {
        return new TierDecision(new TierStanding(customerId, scheme.code(), tier, since, scheme.version(), newScore,
                pending, due, warnAt, warnedNow), null, events);
    }

    private TierDecision moveTo(TierScheme scheme, String target, Direction direction, String reason, String told,
            BigDecimal newScore, String summary, Instant now) {
        TierChange change = new TierChange(customerId, scheme.code(), tier, target, direction, reason, told,
                scheme.version(), newScore, now, summary);
        TierEvent event = scheme.ranked()
                ? new TierChanged(customerId, scheme.code(), tier, target, direction.name(), told, scheme.version(),
                        newScore, now, summary, scheme.benefitsOf(target))
                : new LifecycleChanged(customerId, scheme.code(), tier, target, told, scheme.version(), now, summary);
        return new TierDecision(new TierStanding(customerId, scheme.code(), target, now, scheme.version(), newScore,
                null, null, null, false), change, List.of(event));
    }
}
