package io.tiercare.tiering.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.tiercare.tiering.domain.PolicyDefinition.Band;
import io.tiercare.tiering.domain.PolicyDefinition.Condition;
import io.tiercare.tiering.domain.PolicyDefinition.Indicator;
import io.tiercare.tiering.domain.PolicyDefinition.TierRule;

/** Applies a (validated) policy to a customer's metric values and says why: pure, no clock, no database. */
public final class Evaluator {

    private Evaluator() {
    }

    /** One indicator of a scorecard: its value, weight, the points its band gives, and its weighted share. */
    public record IndicatorScore(String metric, BigDecimal value, BigDecimal weight, BigDecimal points,
            BigDecimal weighted) {
    }

    /** One comparison of a rule as it stands: met or not, and by how much it falls short. */
    public record Requirement(String metric, String op, String threshold, BigDecimal actual, boolean met,
            BigDecimal shortfall) {

        public String describe() {
            String now = actual == null ? "no value" : actual.toPlainString();
            return metric + " " + Operator.named(op).map(Operator::symbol).orElse(op) + " " + threshold + " (now "
                    + now + (met ? "" : shortfall != null ? ", " + shortfall.toPlainString() + " short" : "") + ")";
        }
    }

    /**
     * The outcome: the tier (its index in the policy, 0 = highest), the score and its breakdown when the policy has
     * a scorecard, the comparisons of the rule that matched, those of the next tier up, and the human-readable rule.
     */
    public record Evaluation(String tier, int index, BigDecimal score, List<IndicatorScore> breakdown,
            String matchedRule, List<Requirement> keeps, String nextTier, List<Requirement> toReachNext) {

        /** One line for events and history: the tier, the rule that gave it, the score. */
        public String summary() {
            return tier + ": " + matchedRule + (score == null ? "" : " (score " + score.toPlainString() + ")");
        }
    }

    public static Evaluation evaluate(PolicyDefinition policy, Map<Metric, BigDecimal> metricValues) {
        Map<Metric, BigDecimal> values = new EnumMap<>(Metric.class);
        values.putAll(metricValues);
        BigDecimal score = null;
        List<IndicatorScore> breakdown = List.of();
        if (policy.scorecard() != null) {
            breakdown = score(policy.scorecard().indicators(), values);
            BigDecimal weights = policy.scorecard().indicators().stream().map(Indicator::weight)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            score = breakdown.stream().map(IndicatorScore::weighted).reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(weights, 2, RoundingMode.HALF_UP);
            values.put(Metric.SCORE, score);
        }
        List<TierRule> tiers = policy.tiers();
        for (int i = 0; i < tiers.size(); i++) {
            TierRule tier = tiers.get(i);
            if (tier.when() == null || test(tier.when(), values)) {
                List<Requirement> keeps = tier.when() == null ? List.of() : requirements(tier.when(), values);
                String next = i > 0 ? tiers.get(i - 1).code() : null;
                List<Requirement> toNext = i > 0 && tiers.get(i - 1).when() != null
                        ? requirements(tiers.get(i - 1).when(), values).stream().filter(r -> !r.met()).toList()
                        : List.of();
                return new Evaluation(tier.code(), i, score, breakdown, describe(tier.when()), keeps, next, toNext);
            }
        }
        throw new IllegalStateException("no tier matched and the last tier has a condition; a valid policy's "
                + "last tier catches everyone");
    }

    static boolean test(Condition c, Map<Metric, BigDecimal> values) {
        if (c.all() != null) {
            return c.all().stream().allMatch(part -> test(part, values));
        }
        if (c.any() != null) {
            return c.any().stream().anyMatch(part -> test(part, values));
        }
        BigDecimal actual = values.get(Metric.named(c.metric()).orElseThrow());
        return actual != null && Operator.named(c.op()).orElseThrow().test(actual, threshold(c));
    }

    private static BigDecimal threshold(Condition c) {
        return c.value().isBoolean() ? (c.value().booleanValue() ? BigDecimal.ONE : BigDecimal.ZERO)
                : c.value().decimalValue();
    }

    private static List<Requirement> requirements(Condition c, Map<Metric, BigDecimal> values) {
        List<Requirement> out = new ArrayList<>();
        collect(c, values, out);
        return out;
    }

    private static void collect(Condition c, Map<Metric, BigDecimal> values, List<Requirement> out) {
        List<Condition> parts = c.all() != null ? c.all() : c.any();
        if (parts != null) {
            parts.forEach(part -> collect(part, values, out));
            return;
        }
        BigDecimal actual = values.get(Metric.named(c.metric()).orElseThrow());
        Operator op = Operator.named(c.op()).orElseThrow();
        BigDecimal threshold = threshold(c);
        boolean met = actual != null && op.test(actual, threshold);
        BigDecimal shortfall = null;
        if (!met && actual != null && (op == Operator.GTE || op == Operator.GT)) {
            shortfall = threshold.subtract(actual);
            if (op == Operator.GT) {
                // "more than": one step past it, at the precision the value itself has (a fen of spend, one purchase)
                shortfall = shortfall.add(BigDecimal.ONE.movePointLeft(Math.max(actual.scale(), threshold.scale())));
            }
        }
        out.add(new Requirement(c.metric(), c.op(), c.value().asText(), actual, met, shortfall));
    }

    /** The rule in words, e.g. {@code all(spend12m ≥ 30000, purchases12m ≥ 2)}; "otherwise" for the catch-all. */
    public static String describe(Condition c) {
        if (c == null) {
            return "otherwise";
        }
        if (c.all() != null) {
            return "all(" + String.join(", ", c.all().stream().map(Evaluator::describe).toList()) + ")";
        }
        if (c.any() != null) {
            return "any(" + String.join(", ", c.any().stream().map(Evaluator::describe).toList()) + ")";
        }
        return c.metric() + " " + Operator.named(c.op()).map(Operator::symbol).orElse(c.op()) + " "
                + c.value().asText();
    }

    private static List<IndicatorScore> score(List<Indicator> indicators, Map<Metric, BigDecimal> values) {
        List<IndicatorScore> out = new ArrayList<>();
        for (Indicator indicator : indicators) {
            BigDecimal value = values.get(Metric.named(indicator.metric()).orElseThrow());
            BigDecimal points = BigDecimal.ZERO;
            if (value != null) {
                for (Band band : indicator.bands()) {
                    if (value.compareTo(band.from()) >= 0) {
                        points = band.points();
                    }
                }
            }
            out.add(new IndicatorScore(indicator.metric(), value, indicator.weight(), points,
                    indicator.weight().multiply(points)));
        }
        return out;
    }
}
