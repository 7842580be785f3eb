package io.tiercare.tiering.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.tiercare.chassis.http.Problem.Violation;
import io.tiercare.tiering.domain.PolicyDefinition.Band;
import io.tiercare.tiering.domain.PolicyDefinition.Condition;
import io.tiercare.tiering.domain.PolicyDefinition.Downgrade;
import io.tiercare.tiering.domain.PolicyDefinition.Indicator;
import io.tiercare.tiering.domain.PolicyDefinition.TierRule;

/** Checks a policy before it is stored: every problem is reported with the path of the offending field. */
public final class PolicyValidator {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");
    private static final int MAX_DEPTH = 6;

    private PolicyValidator() {
    }

    public static List<Violation> violations(PolicyDefinition policy) {
        List<Violation> out = new ArrayList<>();
        boolean scored = policy.scorecard() != null;
        if (policy.tiers() == null || policy.tiers().isEmpty()) {
            out.add(new Violation("tiers", "at least one tier is needed"));
        } else {
            Set<String> codes = new HashSet<>();
            for (int i = 0; i < policy.tiers().size(); i++) {
                TierRule tier = policy.tiers().get(i);
                String path = "tiers[" + i + "]";
                if (tier == null) {
                    out.add(new Violation(path, "must not be null"));
                    continue;
                }
                if (tier.code() == null || !CODE.matcher(tier.code()).matches()) {
                    out.add(new Violation(path + ".code", "must be 1–32 capitals, digits or _ starting with a letter"));
                } else if (!codes.add(tier.code())) {
                    out.add(new Violation(path + ".code", "duplicate tier " + tier.code()));
                }
                if (tier.name() == null || tier.name().isBlank()) {
                    out.add(new Violation(path + ".name", "must not be blank"));
                }
                boolean last = i == policy.tiers().size() - 1;
                if (tier.when() == null && !last) {
                    out.add(new Violation(path + ".when", "only the last tier may have no condition"));
                } else if (tier.when() != null && last) {
                    out.add(new Violation(path + ".when", "the last tier has no condition: it takes everyone the "
                            + "tiers above do not"));
                }
                if (tier.when() != null) {
                    condition(tier.when(), path + ".when", scored, 1, out);
                }
            }
        }
        if (scored) {
            scorecard(policy.scorecard(), out);
        }
        downgrade(policy.downgrade(), out);
        return out;
    }

    private static void condition(Condition c, String path, boolean scored, int depth, List<Violation> out) {
        if (depth > MAX_DEPTH) {
            out.add(new Violation(path, "conditions nest at most " + MAX_DEPTH + " deep"));
            return;
        }
        boolean group = c.all() != null || c.any() != null;
        boolean comparison = c.metric() != null || c.op() != null || c.value() != null;
        if (group == comparison || (c.all() != null && c.any() != null)) {
            out.add(new Violation(path, "must be exactly one of {all: [...]}, {any: [...]} or {metric, op, value}"));
            return;
        }
        if (group) {
            String key = c.all() != null ? "all" : "any";
            List<Condition> parts = c.all() != null ? c.all() : c.any();
            if (parts.isEmpty()) {
                out.add(new Violation(path + "." + key, "must hold at least one condition"));
            }
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i) == null) {
                    out.add(new Violation(path + "." + key + "[" + i + "]", "must not be null"));
                } else {
                    condition(parts.get(i), path + "." + key + "[" + i + "]", scored, depth + 1, out);
                }
            }
            return;
        }
        Metric metric = metric(c.metric(), path + ".metric", scored, out);
        Operator op = null;
        if (c.op() == null) {
            out.add(new Violation(path + ".op", "is required (one of " + Operator.names() + ")"));
        } else {
            op = Operator.named(c.op()).orElse(null);
            if (op == null) {
                out.add(new Violation(path + ".op", "unknown operator '" + c.op() + "'; known: " + Operator.names()));
            }
        }
        if (c.value() == null || c.value().isNull()) {
            out.add(new Violation(path + ".value", "is required"));
        } else if (metric != null && metric.kind() == Metric.Kind.BOOLEAN) {
            if (!c.value().isBoolean()) {
                out.add(new Violation(path + ".value", metric.jsonName() + " is true or false"));
            } else if (op != null && op != Operator.EQ && op != Operator.NE) {
                out.add(new Violation(path + ".op", metric.jsonName() + " is compared with eq or ne only"));
            }
        } else if (metric != null && !c.value().isNumber()) {
            out.add(new Violation(path + ".value", metric.jsonName() + " is compared with a number"));
        }
    }

    private static Metric metric(String name, String path, boolean scored, List<Violation> out) {
        if (name == null) {
            out.add(new Violation(path, "is required"));
            return null;
        }
        Metric metric = Metric.named(name).orElse(null);
        if (metric == null) {
            out.add(new Violation(path, "unknown metric '" + name + "'; known: " + Metric.catalogue()));
        } else if (metric == Metric.SCORE && !scored) {
            out.add(new Violation(path, "score exists only in a policy with a scorecard"));
        }
        return metric;
    }

    private static void scorecard(PolicyDefinition.Scorecard card, List<Violation> out) {
        if (card.indicators() == null || card.indicators().isEmpty()) {
            out.add(new Violation("scorecard.indicators", "at least one indicator is needed"));
            return;
        }
        for (int i = 0; i < card.indicators().size(); i++) {
            Indicator indicator = card.indicators().get(i);
            String path = "scorecard.indicators[" + i + "]";
            if (indicator == null) {
                out.add(new Violation(path, "must not be null"));
                continue;
            }
            Metric metric = metric(indicator.metric(), path + ".metric", false, out);
            if (metric != null && (metric.kind() == Metric.Kind.BOOLEAN || metric == Metric.SCORE)) {
                out.add(new Violation(path + ".metric", metric.jsonName() + " cannot be scored in bands"));
            }
            if (indicator.weight() == null || indicator.weight().signum() <= 0) {
                out.add(new Violation(path + ".weight", "must be more than 0"));
            }
            if (indicator.bands() == null || indicator.bands().isEmpty()) {
                out.add(new Violation(path + ".bands", "at least one band is needed"));
                continue;
            }
            BigDecimal previous = null;
            for (int b = 0; b < indicator.bands().size(); b++) {
                Band band = indicator.bands().get(b);
                String bandPath = path + ".bands[" + b + "]";
                if (band == null || band.from() == null || band.points() == null) {
                    out.add(new Violation(bandPath, "needs from and points"));
                    continue;
                }
                if (previous != null && band.from().compareTo(previous) <= 0) {
                    out.add(new Violation(bandPath + ".from", "bands must ascend"));
                }
                if (band.points().signum() < 0 || band.points().compareTo(BigDecimal.valueOf(100)) > 0) {
                    out.add(new Violation(bandPath + ".points", "must be between 0 and 100"));
                }
                previous = band.from();
            }
        }
    }

    private static void downgrade(Downgrade d, List<Violation> out) {
        if (d == null) {
            return;
        }
        if (d.mode() == null) {
            out.add(new Violation("downgrade.mode", "is required (IMMEDIATE, GRACE_PERIOD or END_OF_PERIOD)"));
            return;
        }
        if (d.mode() == Downgrade.Mode.GRACE_PERIOD && (d.graceDays() == null || d.graceDays() < 1)) {
            out.add(new Violation("downgrade.graceDays", "a grace period needs at least 1 day"));
        }
        if (d.warningDays() != null && d.warningDays() < 0) {
            out.add(new Violation("downgrade.warningDays", "must not be negative"));
        }
        if (d.mode() == Downgrade.Mode.GRACE_PERIOD && d.graceDays() != null && d.warningDays() != null
                && d.warningDays() > d.graceDays()) {
            out.add(new Violation("downgrade.warningDays", "cannot exceed graceDays"));
        }
    }
}
