package io.tiercare.tiering.domain;

import java.util.Map;

/**
 * A scheme as its rules see it: its code, whether its tiers are ranked (value tiers, VIP levels, ABCD grades) or
 * merely different (lifecycle stages), the policy version in force and the policy.
 */
public record TierScheme(String code, boolean ranked, int version, PolicyDefinition policy) {

    /** The tier's place in the policy, 0 = highest; -1 when the policy no longer has it. */
    public int indexOf(String tier) {
        for (int i = 0; i < policy.tiers().size(); i++) {
            if (policy.tiers().get(i).code().equals(tier)) {
                return i;
            }
        }
        return -1;
    }

    /** What the tier grants, as the policy states it (null when it states none). */
    public Map<String, Object> benefitsOf(String tier) {
        return policy.tiers().stream().filter(t -> t.code().equals(tier)).findFirst()
                .map(PolicyDefinition.TierRule::benefits).orElse(null);
    }

    /** The direction of a move from one tier to another in this scheme. */
    public Direction direction(String from, String to) {
        if (from == null) {
            return Direction.INITIAL;
        }
        if (!ranked) {
            return Direction.LATERAL;
        }
        return indexOf(to) < indexOf(from) ? Direction.UP : Direction.DOWN;
    }
}
