package io.tiercare.tiering.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tiercare.chassis.outbox.Outbox;
import io.tiercare.chassis.outbox.OutboxEvent;
import io.tiercare.chassis.time.BusinessTime;
import io.tiercare.tiering.domain.CustomerMetrics;
import io.tiercare.tiering.domain.Evaluator;
import io.tiercare.tiering.domain.Evaluator.Evaluation;
import io.tiercare.tiering.domain.Metric;
import io.tiercare.tiering.domain.PolicyDefinition;
import io.tiercare.tiering.domain.PolicyDefinition.Downgrade;
import io.tiercare.tiering.repository.AdjustmentRepository;
import io.tiercare.tiering.repository.AdjustmentRepository.TierOverride;
import io.tiercare.tiering.repository.MetricsRepository;
import io.tiercare.tiering.repository.SchemeRepository;
import io.tiercare.tiering.repository.SchemeRepository.Scheme;
import io.tiercare.tiering.repository.TierRepository;
import io.tiercare.tiering.repository.TierRepository.Change;
import io.tiercare.tiering.repository.TierRepository.Standing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Evaluates a customer in every scheme and applies the outcome: upgrades and stage changes at once; downgrades per
 * the scheme's policy (immediately, after a grace period, or at the end of the year), held while a severe complaint
 * is open; every change goes to the history and out on {@code tier.events} in the same transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TierEvaluationService {

    public static final String TOPIC = "tier.events";
    public static final String TIER_CHANGED = "tiercare.tier.changed.v1";
    public static final String LIFECYCLE_CHANGED = "tiercare.lifecycle.changed.v1";
    public static final String DOWNGRADE_WARNING = "tiercare.tier.downgrade-warning.v1";
    public static final String APPEAL_DECIDED = "tiercare.tier.appeal.decided.v1";
    public static final String CUSTOMER_ERASED = "tiercare.tier.customer-erased.v1";

    private final MetricsRepository metrics;
    private final SchemeRepository schemes;
    private final TierRepository tiers;
    private final AdjustmentRepository adjustments;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final BusinessTime businessTime;
    private final Clock clock;

    TierEvaluationService(MetricsRepository metrics, SchemeRepository schemes, TierRepository tiers,
            AdjustmentRepository adjustments, Outbox outbox, ObjectMapper mapper, BusinessTime businessTime,
            Clock clock) {
        this.metrics = metrics;
        this.schemes = schemes;
        this.tiers = tiers;
        this.adjustments = adjustments;
        this.outbox = outbox;
        this.mapper = mapper;
        this.businessTime = businessTime;
        this.clock = clock;
    }

    /** The explanation stored with a standing and shown by the API. */
    public record Explanation(String tier, String rule, BigDecimal score, List<Evaluator.IndicatorScore> breakdown,
            List<String> keeps, String nextTier, List<String> toReachNext, LocalDate earliestDowngrade,
            Map<String, BigDecimal> metrics) {

        /** One line for events and history. */
        String summary() {
            return tier + ": " + rule + (score == null ? "" : " (score " + score.toPlainString() + ")");
        }
    }

    /**
     * Re-evaluates the customer (if known and not erased) in every scheme; {@code reason} names what triggered it.
     * Returns how many tiers changed.
     */
    public int evaluate(UUID customerId, String reason) {
        return evaluate(customerId, reason, Set.of());
    }

    /**
     * As {@link #evaluate(UUID, String)}; in the {@code released} schemes an override has just ended, so the tier
     * the rules give applies at once, whichever the direction. An override in force sets the tier (the rules' verdict
     * is still explained); a pending appeal holds a downgrade like an open severe complaint.
     */
    public int evaluate(UUID customerId, String reason, Set<String> released) {
        metrics.lock(List.of(customerId));
        CustomerMetrics facts = metrics.load(customerId).orElse(null);
        if (facts == null) {
            return 0; // unknown, merged away or erased
        }
        Instant now = clock.instant();
        Map<String, Standing> current = tiers.standings(customerId, true).stream()
                .collect(Collectors.toMap(Standing::scheme, Function.identity()));
        Set<String> expired = adjustments.expire(customerId, now);
        Map<String, TierOverride> overrides = adjustments.active(customerId).stream()
                .collect(Collectors.toMap(TierOverride::scheme, Function.identity()));
        return decide(facts, current, expired, overrides, adjustments.pendingSchemes(customerId), schemes.all(),
                reason, released, now);
    }

    /**
     * Evaluates many customers at once (bulk jobs): everything they need is loaded in a handful of set-based
     * queries, and only what changes is written. Customers merged away or erased are skipped. Returns how many
     * tiers changed.
     */
    public int evaluateAll(List<UUID> customerIds, String reason) {
        return evaluateAll(customerIds, id -> reason);
    }

    /** As {@link #evaluateAll(List, String)}, each customer with its own reason. */
    public int evaluateAll(List<UUID> customerIds, Function<UUID, String> reasons) {
        metrics.lock(customerIds);
        List<CustomerMetrics> all = metrics.loadAll(customerIds);
        if (all.isEmpty()) {
            return 0;
        }
        List<UUID> ids = all.stream().map(CustomerMetrics::customerId).toList();
        Instant now = clock.instant();
        Map<UUID, Map<String, Standing>> current = tiers.standingsOf(ids);
        Map<UUID, Set<String>> expired = adjustments.expireAll(ids, now);
        Map<UUID, Map<String, TierOverride>> overrides = adjustments.activeOf(ids);
        Map<UUID, Set<String>> appealed = adjustments.pendingSchemesOf(ids);
        List<Scheme> all4 = schemes.all();
        int changes = 0;
        for (CustomerMetrics facts : all) {
            UUID id = facts.customerId();
            changes += decide(facts, current.getOrDefault(id, Map.of()), expired.getOrDefault(id, Set.of()),
                    overrides.getOrDefault(id, Map.of()), appealed.getOrDefault(id, Set.of()), all4,
                    reasons.apply(id), Set.of(), now);
        }
        return changes;
    }

    private int decide(CustomerMetrics facts, Map<String, Standing> current, Set<String> expired,
            Map<String, TierOverride> overrides, Set<String> appealed, List<Scheme> schemeList, String reason,
            Set<String> released, Instant now) {
        ZoneId zone = businessTime.zone();
        LocalDate today = now.atZone(zone).toLocalDate();
        Map<Metric, BigDecimal> values = facts.valuesOn(today, zone);
        boolean severeOpen = values.getOrDefault(Metric.SEVERE_OPEN_COMPLAINTS, BigDecimal.ZERO).signum() > 0;
        int changes = 0;
        for (Scheme scheme : schemeList) {
            Evaluation evaluation = Evaluator.evaluate(scheme.policy(), values);
            Lazy explanation = new Lazy(() -> explain(scheme, evaluation, values, facts, today, zone));
            Standing before = current.get(scheme.code());
            TierOverride override = overrides.get(scheme.code());
            boolean changed;
            if (override != null) {
                changed = applyOverride(facts.customerId(), scheme, before, override, evaluation, explanation, now);
            } else {
                boolean ended = expired.contains(scheme.code());
                changed = apply(facts.customerId(), scheme, before, evaluation, explanation,
                        ended ? reason + " (override expired)" : reason, ended || released.contains(scheme.code()),
                        appealed.contains(scheme.code()) || severeOpen, now);
            }
            if (changed) {
                changes++;
            }
        }
        return changes;
    }

    /** The explanation, computed only if something needs it (a change, a warning, a standing to store). */
    private static final class Lazy {
        private final java.util.function.Supplier<Explanation> supplier;
        private Explanation value;

        Lazy(java.util.function.Supplier<Explanation> supplier) {
            this.supplier = supplier;
        }

        Explanation get() {
            if (value == null) {
                value = supplier.get();
            }
            return value;
        }
    }

    /** The explanation of the customer's standing in every scheme as of now (what the API shows). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Explanation> explainNow(UUID customerId) {
        CustomerMetrics facts = metrics.load(customerId).orElse(null);
        if (facts == null) {
            return Map.of();
        }
        ZoneId zone = businessTime.zone();
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        Map<Metric, BigDecimal> values = facts.valuesOn(today, zone);
        Map<String, Explanation> explained = new LinkedHashMap<>();
        for (Scheme scheme : schemes.all()) {
            explained.put(scheme.code(),
                    explain(scheme, Evaluator.evaluate(scheme.policy(), values), values, facts, today, zone));
        }
        return explained;
    }

    /**
     * Stores the standing unless nothing that matters changed (tier, since, policy version, score, pending
     * downgrade, warning): a daily run over everyone writes only what moved.
     */
    private void store(Standing before, UUID customerId, Scheme scheme, String tier, Instant since, BigDecimal score,
            String pendingTier, Instant downgradeAt, Instant warningAt, boolean warned, Lazy explanation,
            Instant now) {
        if (before != null && before.tier().equals(tier) && before.since().equals(since)
                && before.policyVersion() == scheme.version() && sameScore(before.score(), score)
                && Objects.equals(before.pendingTier(), pendingTier)
                && Objects.equals(before.downgradeAt(), downgradeAt)
                && Objects.equals(before.warningAt(), warningAt) && before.warned() == warned) {
            return;
        }
        tiers.save(new Standing(customerId, scheme.code(), tier, since, scheme.version(), score,
                json(explanation.get()), pendingTier, downgradeAt, warningAt, warned, now));
    }

    private static boolean sameScore(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** An override sets the tier while it is in force; returns whether the tier changed. */
    private boolean applyOverride(UUID customerId, Scheme scheme, Standing before, TierOverride override,
            Evaluation evaluation, Lazy explanation, Instant now) {
        String target = override.tier();
        if (before != null && target.equals(before.tier())) {
            store(before, customerId, scheme, target, before.since(), evaluation.score(), null, null, null, false,
                    explanation, now);
            return false;
        }
        String direction = before == null ? "INITIAL"
                : !scheme.ranked() ? "LATERAL"
                        : indexOf(scheme.policy(), target) < indexOf(scheme.policy(), before.tier()) ? "UP" : "DOWN";
        String why = override.appealId() != null ? override.reason()
                : "override by " + override.createdBy() + ": " + override.reason();
        // the public event says who decided, never the words they wrote (they may name the customer)
        String told = override.appealId() != null ? "appeal " + override.appealId() + " overturned the change"
                : "override by " + override.createdBy();
        change(customerId, scheme, before == null ? null : before.tier(), target, direction, why, told,
                evaluation.score(), target + ": set by hand until " + override.expiresAt(), now);
        store(before, customerId, scheme, target, now, evaluation.score(), null, null, null, false, explanation, now);
        return true;
    }

    /**
     * Applies the rules' verdict; {@code immediate}: no grace for a downgrade (an override has just ended);
     * {@code hold}: a downgrade waits, undated (open severe complaint, pending appeal). Returns whether the tier
     * changed.
     */
    private boolean apply(UUID customerId, Scheme scheme, Standing before, Evaluation evaluation, Lazy explanation,
            String reason, boolean immediate, boolean hold, Instant now) {
        String target = evaluation.tier();
        BigDecimal score = evaluation.score();
        if (before == null) {
            change(customerId, scheme, null, target, "INITIAL", reason, reason, score, explanation.get().summary(),
                    now);
            store(null, customerId, scheme, target, now, score, null, null, null, false, explanation, now);
            return true;
        }
        if (target.equals(before.tier())) {
            store(before, customerId, scheme, target, before.since(), score, null, null, null, false, explanation, now);
            return false;
        }
        int beforeIndex = indexOf(scheme.policy(), before.tier());
        boolean down = scheme.ranked() && beforeIndex >= 0 && evaluation.index() > beforeIndex;
        Downgrade policy = scheme.policy().downgradeOrDefault();
        if (!down || policy.mode() == Downgrade.Mode.IMMEDIATE || immediate) {
            String direction = down ? "DOWN" : scheme.ranked() ? "UP" : "LATERAL";
            change(customerId, scheme, before.tier(), target, direction, reason, reason, score,
                    explanation.get().summary(),
                    now);
            store(before, customerId, scheme, target, now, score, null, null, null, false, explanation, now);
            return true;
        }
        if (hold) {
            // held: no date runs while a severe complaint is open or an appeal pending; a fresh period starts after
            store(before, customerId, scheme, before.tier(), before.since(), score, target, null, null, false,
                    explanation, now);
            return false;
        }
        Instant due = before.pendingTier() != null && before.downgradeAt() != null ? before.downgradeAt()
                : policy.mode() == Downgrade.Mode.GRACE_PERIOD ? now.plus(java.time.Duration.ofDays(policy.graceDays()))
                        : endOfYear(now, businessTime.zone());
        if (!now.isBefore(due)) {
            String why = reason + (policy.mode() == Downgrade.Mode.GRACE_PERIOD ? " (grace period over)"
                    : " (end of the qualifying period)");
            change(customerId, scheme, before.tier(), target, "DOWN", why, why, score, explanation.get().summary(),
                    now);
            store(before, customerId, scheme, target, now, score, null, null, null, false, explanation, now);
            return true;
        }
        Instant warnAt = policy.warningDays() == null ? null
                : due.minus(java.time.Duration.ofDays(policy.warningDays()));
        boolean warned = before.warned() && due.equals(before.downgradeAt());
        if (!warned && warnAt != null && !now.isBefore(warnAt)) {
            publish(customerId, new DowngradeWarning(customerId, scheme.code(), before.tier(), target, due,
                    scheme.version(), now, explanation.get().toReachNext()), DOWNGRADE_WARNING);
            warned = true;
        }
        store(before, customerId, scheme, before.tier(), before.since(), score, target, due, warnAt, warned,
                explanation, now);
        return false;
    }

    /** {@code reason}: kept in the history; {@code told}: what the public event says (no free text). */
    private void change(UUID customerId, Scheme scheme, String from, String to, String direction, String reason,
            String told, BigDecimal score, String summary, Instant now) {
        tiers.record(customerId, new Change(0, scheme.code(), from, to, direction, reason, scheme.version(), score,
                now, summary));
        if (scheme.ranked()) {
            Map<String, Object> benefits = scheme.policy().tiers().stream().filter(t -> t.code().equals(to))
                    .findFirst().map(PolicyDefinition.TierRule::benefits).orElse(null);
            publish(customerId, new TierChanged(customerId, scheme.code(), from, to, direction, told,
                    scheme.version(), score, now, summary, benefits), TIER_CHANGED);
        } else {
            publish(customerId, new LifecycleChanged(customerId, scheme.code(), from, to, told, scheme.version(),
                    now, summary), LIFECYCLE_CHANGED);
        }
    }

    /**
     * {@code tiercare.tier.changed.v1}: the public contract (only additive changes within v1). {@code benefits}: what
     * the new tier grants, as its policy states it (absent when it states none).
     */
    public record TierChanged(UUID customerId, String scheme, String fromTier, String toTier, String direction,
            String reason, int policyVersion, BigDecimal score, Instant effectiveAt, String explanation,
            @com.fasterxml.jackson.annotation.JsonInclude(
                    com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY) Map<String, Object> benefits) {
    }

    /** {@code tiercare.tier.downgrade-warning.v1}: announced once per pending downgrade, N days before it. */
    public record DowngradeWarning(UUID customerId, String scheme, String currentTier, String pendingTier,
            Instant downgradeAt, int policyVersion, Instant warnedAt, List<String> toKeep) {
    }

    /** {@code tiercare.tier.appeal.decided.v1}: UPHELD, the change stands; OVERTURNED, it is reversed. */
    /**
     * {@code tiercare.tier.customer-erased.v1}: the customer's personal data was erased (PIPL Art. 47); an outside
     * subscriber purges what it keeps about them.
     */
    public record CustomerErased(UUID customerId, Instant erasedAt) {
    }

    public record AppealDecided(UUID appealId, UUID customerId, String scheme, String appealedFromTier,
            String appealedToTier, String decision, String reason, String filedBy, String decidedBy,
            Instant decidedAt, String resultingTier) {
    }

    /** {@code tiercare.lifecycle.changed.v1}. */
    public record LifecycleChanged(UUID customerId, String scheme, String fromStage, String toStage, String reason,
            int policyVersion, Instant effectiveAt, String explanation) {
    }

    private static int indexOf(PolicyDefinition policy, String tier) {
        for (int i = 0; i < policy.tiers().size(); i++) {
            if (policy.tiers().get(i).code().equals(tier)) {
                return i;
            }
        }
        return -1;
    }

    private Explanation explain(Scheme scheme, Evaluation e, Map<Metric, BigDecimal> values, CustomerMetrics facts,
            LocalDate today, ZoneId zone) {
        YearMonth oldest = facts.oldestCountedMonth(today);
        String by = oldest == null ? "" : " by " + oldest.plusMonths(12).atDay(1).minusDays(1);
        List<String> toNext = e.toReachNext().stream().map(r -> r.shortfall() != null
                && "spend12m".equals(r.metric()) ? "spend " + r.shortfall().toPlainString() + " CNY more" + by
                        : r.describe()).toList();
        Map<String, BigDecimal> shown = new LinkedHashMap<>();
        values.forEach((metric, value) -> shown.put(metric.jsonName(), value));
        return new Explanation(e.tier(), e.matchedRule(), e.score(), e.breakdown(),
                e.keeps().stream().map(Evaluator.Requirement::describe).toList(), e.nextTier(), toNext,
                scheme.ranked() ? earliestDowngrade(scheme.policy(), e.index(), facts, today, zone) : null, shown);
    }

    /** The first day, with no new activity, on which the customer would qualify only for a lower tier. */
    static LocalDate earliestDowngrade(PolicyDefinition policy, int index, CustomerMetrics facts, LocalDate today,
            ZoneId zone) {
        if (index == policy.tiers().size() - 1) {
            return null;
        }
        LocalDate day = today.withDayOfMonth(1);
        for (int month = 1; month <= 24; month++) {
            day = day.plusMonths(1);
            if (Evaluator.evaluate(policy, facts.valuesOn(day, zone)).index() > index) {
                return day;
            }
        }
        return null;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Instant endOfYear(Instant now, ZoneId zone) {
        return Year.from(now.atZone(zone)).plusYears(1).atDay(1).atStartOfDay(zone).toInstant();
    }

    void publish(UUID customerId, Object data, String type) {
        outbox.append(new OutboxEvent(TOPIC, type, customerId.toString(), data));
    }
}
