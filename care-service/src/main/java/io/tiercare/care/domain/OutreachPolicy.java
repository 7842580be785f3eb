package io.tiercare.care.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tiercare.chassis.http.Problem.Violation;

/**
 * What events ask of care, as data: who gets a welcome gift (a scheme's levels; not again for the same level within
 * a cool-down) and how soon; how soon a resolved complaint is followed up, per tier of a scheme, and a low rating
 * escalated. Checked whole.
 */
public record OutreachPolicy(Welcome welcome, FollowUp followUp) {

    /** Reaching one of {@code tiers} of {@code scheme} by an upgrade earns a welcome gift. */
    public record Welcome(String scheme, List<String> tiers, int coolDownDays, int dueWithinWorkingDays) {
    }

    /** The follow-up call after a resolved complaint, due within working days per tier; the escalation's too. */
    public record FollowUp(String scheme, Map<String, Integer> dueWithinWorkingDays, int otherwiseWithinWorkingDays,
            int escalationWithinWorkingDays) {

        /** The working days a customer of this tier (null: unknown) has to be called back within. */
        public int dueWithin(String tier) {
            return tier == null ? otherwiseWithinWorkingDays
                    : dueWithinWorkingDays.getOrDefault(tier, otherwiseWithinWorkingDays);
        }
    }

    public List<Violation> violations() {
        List<Violation> problems = new ArrayList<>();
        if (welcome == null) {
            problems.add(new Violation("welcome", "is required"));
        } else {
            if (!code(welcome.scheme())) {
                problems.add(new Violation("welcome.scheme", "must be a scheme code (MEMBERSHIP)"));
            }
            if (welcome.tiers() == null || welcome.tiers().isEmpty() || !welcome.tiers().stream().allMatch(
                    OutreachPolicy::code)) {
                problems.add(new Violation("welcome.tiers", "must name one or more tier codes (VIP, SUPER_VIP)"));
            }
            if (welcome.coolDownDays() < 0 || welcome.coolDownDays() > 3650) {
                problems.add(new Violation("welcome.coolDownDays", "must be 0–3650 days"));
            }
            if (welcome.dueWithinWorkingDays() < 1 || welcome.dueWithinWorkingDays() > 60) {
                problems.add(new Violation("welcome.dueWithinWorkingDays", "must be 1–60 working days"));
            }
        }
        if (followUp == null) {
            problems.add(new Violation("followUp", "is required"));
        } else {
            if (!code(followUp.scheme())) {
                problems.add(new Violation("followUp.scheme", "must be a scheme code (VALUE)"));
            }
            if (followUp.dueWithinWorkingDays() == null) {
                problems.add(new Violation("followUp.dueWithinWorkingDays", "is required (per tier; {} for none)"));
            } else {
                followUp.dueWithinWorkingDays().forEach((tier, days) -> {
                    if (!code(tier) || days == null || days < 1 || days > 30) {
                        problems.add(new Violation("followUp.dueWithinWorkingDays." + tier,
                                "must be a tier code with 1–30 working days"));
                    }
                });
            }
            if (followUp.otherwiseWithinWorkingDays() < 1 || followUp.otherwiseWithinWorkingDays() > 30) {
                problems.add(new Violation("followUp.otherwiseWithinWorkingDays", "must be 1–30 working days"));
            }
            if (followUp.escalationWithinWorkingDays() < 1 || followUp.escalationWithinWorkingDays() > 30) {
                problems.add(new Violation("followUp.escalationWithinWorkingDays", "must be 1–30 working days"));
            }
        }
        return problems;
    }

    private static boolean code(String value) {
        return value != null && value.matches("[A-Z][A-Z0-9_]{0,63}");
    }
}
