package io.tiercare.complaint.domain;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import io.tiercare.chassis.http.Problem.Violation;
import io.tiercare.chassis.problem.InvalidInputException;

/**
 * An SLA policy: rules tried in order, each choosing by customer tier and severity (an empty list matches any) the
 * milestones' durations and the clock they run on; the last rule must match every complaint. Working hours apply
 * to rules counted on the WORKING clock; {@code atRiskShare} is the share of a milestone's time after which it is
 * at risk.
 */
public record SlaPolicy(WorkingHours workingHours, double atRiskShare, List<Rule> rules) {

    public record WorkingHours(LocalTime start, LocalTime end) {
    }

    public record Rule(String name, List<String> tiers, List<Severity> severities, SlaClock clock,
            Duration acknowledge, Duration plan, Duration resolve) {

        boolean matches(String tier, Severity severity) {
            return (tiers == null || tiers.isEmpty() || (tier != null && tiers.contains(tier)))
                    && (severities == null || severities.isEmpty() || severities.contains(severity));
        }

        public Duration target(MilestoneKind kind) {
            return switch (kind) {
                case ACKNOWLEDGE -> acknowledge;
                case PLAN -> plan;
                case RESOLVE -> resolve;
            };
        }
    }

    /** The first rule that matches. */
    public Rule ruleFor(String tier, Severity severity) {
        return rules.stream().filter(r -> r.matches(tier, severity)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the policy's last rule must match every complaint"));
    }

    /** More rules than anyone maintains by hand: a bound, so a policy stays a table people can read. */
    public static final int MAX_RULES = 100;

    /**
     * Checks the policy; every problem is reported, each naming its field. {@code tiers}: the VALUE tiers a rule may
     * name (a rule naming another would never match: a green channel silently closed).
     */
    public void validate(java.util.Set<String> tiers) {
        List<Violation> problems = new ArrayList<>();
        if (rules != null && rules.size() > MAX_RULES) {
            throw new InvalidInputException(List.of(new Violation("definition.rules", "at most " + MAX_RULES
                    + " rules, not " + rules.size())));
        }
        if (workingHours == null || workingHours.start() == null || workingHours.end() == null) {
            problems.add(new Violation("definition.workingHours", "start and end are required"));
        } else if (!workingHours.start().isBefore(workingHours.end())) {
            problems.add(new Violation("definition.workingHours", "start must be before end"));
        }
        if (!(atRiskShare > 0 && atRiskShare < 1)) {
            problems.add(new Violation("definition.atRiskShare", "must be between 0 and 1 (exclusive)"));
        }
        if (rules == null || rules.isEmpty()) {
            problems.add(new Violation("definition.rules", "at least one rule is required"));
        } else {
            for (int i = 0; i < rules.size(); i++) {
                Rule rule = rules.get(i);
                String at = "definition.rules[" + i + "]";
                if (rule == null) {
                    problems.add(new Violation(at, "must not be null"));
                    continue;
                }
                if (rule.name() == null || rule.name().isBlank()) {
                    problems.add(new Violation(at + ".name", "must not be blank"));
                }
                if (rule.clock() == null) {
                    problems.add(new Violation(at + ".clock", "must be CALENDAR or WORKING"));
                }
                for (int t = 0; rule.tiers() != null && t < rule.tiers().size(); t++) {
                    if (!tiers.contains(rule.tiers().get(t))) {
                        problems.add(new Violation(at + ".tiers[" + t + "]", "is not a VALUE tier: one of "
                                + String.join(", ", new java.util.TreeSet<>(tiers))));
                    }
                }
                for (MilestoneKind kind : MilestoneKind.values()) {
                    Duration d = rule.target(kind);
                    if (d == null || d.isNegative() || d.isZero()) {
                        problems.add(new Violation(at + "." + kind.name().toLowerCase(), "must be a positive duration"));
                    }
                }
                if (rule.acknowledge() != null && rule.plan() != null && rule.resolve() != null
                        && (rule.acknowledge().compareTo(rule.plan()) > 0 || rule.plan().compareTo(rule.resolve()) > 0)) {
                    problems.add(new Violation(at, "acknowledge ≤ plan ≤ resolve"));
                }
            }
            Rule last = rules.get(rules.size() - 1);
            if (last != null && ((last.tiers() != null && !last.tiers().isEmpty())
                    || (last.severities() != null && !last.severities().isEmpty()))) {
                problems.add(new Violation("definition.rules[" + (rules.size() - 1) + "]",
                        "the last rule must match every complaint (no tiers, no severities)"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
