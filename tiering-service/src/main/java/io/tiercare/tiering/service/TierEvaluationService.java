package io.tiercare.tiering.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tiercare.chassis.time.BusinessTime;
import io.tiercare.tiering.domain.CustomerMetrics;
import io.tiercare.tiering.domain.Evaluator;
import io.tiercare.tiering.domain.Evaluator.Evaluation;
import io.tiercare.tiering.domain.Metric;
import io.tiercare.tiering.domain.PolicyDefinition;
import io.tiercare.tiering.domain.TierDecision;
import io.tiercare.tiering.domain.TierOverride;
import io.tiercare.tiering.domain.TierScheme;
import io.tiercare.tiering.domain.TierStanding;
import io.tiercare.tiering.domain.TierStanding.Circumstances;
import io.tiercare.tiering.messaging.TierEventPublisher;
import io.tiercare.tiering.repository.AdjustmentRepository;
import io.tiercare.tiering.repository.MetricsRepository;
import io.tiercare.tiering.repository.SchemeRepository;
import io.tiercare.tiering.repository.SchemeRepository.Scheme;
import io.tiercare.tiering.repository.TierRepository;
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

    private final MetricsRepository metrics;
    private final SchemeRepository schemes;
    private final TierRepository tiers;
    private final AdjustmentRepository adjustments;
    private final TierEventPublisher events;
    private final ObjectMapper mapper;
    private final BusinessTime businessTime;
    private final Clock clock;

    TierEvaluationService(MetricsRepository metrics, SchemeRepository schemes, TierRepository tiers,
            AdjustmentRepository adjustments, TierEventPublisher events, ObjectMapper mapper, BusinessTime businessTime,
            Clock clock) {
        this.metrics = metrics;
        this.schemes = schemes;
        this.tiers = tiers;
        this.adjustments = adjustments;
        this.events = events;
        this.mapper = mapper;
        this.businessTime = businessTime;
        this.clock = clock;
    }

    /** The explanation stored with a standing and shown by the API. */
    public record Explanation(String tier, String rule, BigDecimal score, List<Evaluator.IndicatorScore> breakdown,
            List<String> keeps, String nextTier, List<String> toReachNext, LocalDate earliestDowngrade,
            Map<String, BigDecimal> metrics) {
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
        Map<String, TierStanding> current = tiers.standings(customerId, true).stream()
                .map(TierRepository.Standing::toDomain)
                .collect(Collectors.toMap(TierStanding::scheme, Function.identity()));
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
        Map<UUID, Map<String, TierStanding>> current = tiers.standingsOf(ids);
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

    private int decide(CustomerMetrics facts, Map<String, TierStanding> current, Set<String> expired,
            Map<String, TierOverride> overrides, Set<String> appealed, List<Scheme> schemeList, String reason,
            Set<String> released, Instant now) {
        ZoneId zone = businessTime.zone();
        LocalDate today = now.atZone(zone).toLocalDate();
        Map<Metric, BigDecimal> values = facts.valuesOn(today, zone);
        boolean severeOpen = values.getOrDefault(Metric.SEVERE_OPEN_COMPLAINTS, BigDecimal.ZERO).signum() > 0;
        UUID customerId = facts.customerId();
        int changes = 0;
        for (Scheme stored : schemeList) {
            TierScheme scheme = stored.rules();
            Evaluation evaluation = Evaluator.evaluate(scheme.policy(), values);
            Lazy explanation = new Lazy(() -> explain(scheme, evaluation, values, facts, today, zone));
            TierStanding before = current.get(scheme.code());
            TierOverride override = overrides.get(scheme.code());
            TierDecision decision;
            if (override != null) {
                decision = TierStanding.overridden(customerId, before, scheme, override.asRule(), evaluation, now);
            } else if (before == null) {
                decision = TierStanding.first(customerId, scheme, evaluation,
                        new Circumstances(reason, false, false, now, zone));
            } else {
                boolean ended = expired.contains(scheme.code());
                decision = before.judge(scheme, evaluation, new Circumstances(
                        ended ? reason + " (override expired)" : reason, ended || released.contains(scheme.code()),
                        appealed.contains(scheme.code()) || severeOpen, now, zone),
                        () -> explanation.get().toReachNext());
            }
            apply(before, decision, explanation, now);
            if (decision.changed()) {
                changes++;
            }
        }
        return changes;
    }

    /** Records the decision's change, stores the standing unless nothing that matters moved, publishes its events. */
    private void apply(TierStanding before, TierDecision decision, Lazy explanation, Instant now) {
        if (decision.change() != null) {
            tiers.record(decision.change());
        }
        if (!decision.standing().sameAs(before)) {
            tiers.save(decision.standing(), json(explanation.get()), now);
        }
        events.publishAll(decision.events());
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
            explained.put(scheme.code(), explain(scheme.rules(), Evaluator.evaluate(scheme.policy(), values), values,
                    facts, today, zone));
        }
        return explained;
    }

    private Explanation explain(TierScheme scheme, Evaluation e, Map<Metric, BigDecimal> values, CustomerMetrics facts,
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
}
