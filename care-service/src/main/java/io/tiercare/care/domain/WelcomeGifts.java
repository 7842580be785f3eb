package io.tiercare.care.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a tier change earns a welcome gift, and which: an upgrade into one of the policy's levels (or a first
 * grading straight into one), unless the
 * customer was welcomed to that same level within the cool-down (they dropped and regained it); the first gift of
 * the catalogue they never received. Pure; it says why.
 */
public final class WelcomeGifts {

    /** A welcome the customer had: the level, the gift, when. */
    public record Past(String tier, String giftCode, Instant at) {
    }

    /** The decision: a gift (null: none) and why. */
    public record Decision(String giftCode, String reason) {

        public boolean gives() {
            return giftCode != null;
        }
    }

    private WelcomeGifts() {
    }

    public static Decision decide(OutreachPolicy.Welcome policy, String scheme, String fromTier, String toTier,
            String direction, Instant at, List<Past> past, List<String> catalogue) {
        if (!policy.scheme().equals(scheme) || !policy.tiers().contains(toTier)) {
            return new Decision(null, scheme + " " + toTier + " earns no welcome gift");
        }
        if (!"UP".equals(direction) && !"INITIAL".equals(direction)) {
            return new Decision(null, "not an upgrade (" + (fromTier == null ? "first grading" : fromTier) + " → "
                    + toTier + ")");
        }
        Instant coolDownStart = at.minus(Duration.ofDays(policy.coolDownDays()));
        for (Past welcome : past) {
            if (welcome.tier().equals(toTier) && welcome.at().isAfter(coolDownStart)) {
                return new Decision(null, "welcomed to " + toTier + " on " + welcome.at() + ", within the "
                        + policy.coolDownDays() + "-day cool-down");
            }
        }
        Set<String> received = past.stream().map(Past::giftCode).collect(Collectors.toSet());
        return catalogue.stream().filter(g -> !received.contains(g)).findFirst()
                .map(g -> new Decision(g, scheme + " " + (fromTier == null ? "" : fromTier + " ") + "→ " + toTier
                        + ": welcome gift " + g + ", never given to this customer before"))
                .orElse(new Decision(null, "every gift of the catalogue was given to this customer already"));
    }
}
