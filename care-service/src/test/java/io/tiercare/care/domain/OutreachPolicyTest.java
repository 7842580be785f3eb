package io.tiercare.care.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tiercare.chassis.http.Problem.Violation;

class OutreachPolicyTest {

    @Test
    void theDefaultsAreValidAndAFollowUpIsDuePerTier() {
        OutreachPolicy policy = new OutreachPolicy(new OutreachPolicy.Welcome("MEMBERSHIP", List.of("VIP",
                "SUPER_VIP"), 365, 5), new OutreachPolicy.FollowUp("VALUE", Map.of("CORE", 1, "BASIC", 3), 2, 1));
        assertThat(policy.violations()).isEmpty();
        assertThat(policy.followUp().dueWithin("CORE")).isEqualTo(1);
        assertThat(policy.followUp().dueWithin("BASIC")).isEqualTo(3);
        assertThat(policy.followUp().dueWithin("POTENTIAL")).isEqualTo(2);
        assertThat(policy.followUp().dueWithin(null)).isEqualTo(2);
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        OutreachPolicy policy = new OutreachPolicy(new OutreachPolicy.Welcome("membership", List.of(), -1, 0),
                new OutreachPolicy.FollowUp("VALUE", Map.of("CORE", 0), 0, 31));
        assertThat(policy.violations()).extracting(Violation::field).containsExactly("welcome.scheme",
                "welcome.tiers", "welcome.coolDownDays", "welcome.dueWithinWorkingDays",
                "followUp.dueWithinWorkingDays.CORE", "followUp.otherwiseWithinWorkingDays",
                "followUp.escalationWithinWorkingDays");
        assertThat(new OutreachPolicy(null, null).violations()).extracting(Violation::field)
                .containsExactly("welcome", "followUp");
    }
}
