package io.tiercare.tiering.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;

import io.tiercare.chassis.http.Problem.Violation;
import io.tiercare.tiering.domain.PolicyDefinition.Condition;
import io.tiercare.tiering.domain.PolicyDefinition.TierRule;

class PolicyValidatorTest {

    @Test
    void refusesAnUnknownMetricOrOperatorNamingIt() {
        PolicyDefinition policy = new PolicyDefinition(null, List.of(
                tier("CORE", compare("spend13m", "gte", 100000)),
                tier("IMPORTANT", compare("spend12m", "atLeast", 30000)),
                new TierRule("BASIC", "基础", null, null)), null, null);

        assertThat(PolicyValidator.violations(policy)).extracting(Violation::field, Violation::message)
                .containsExactly(
                        tuple("tiers[0].when.metric",
                                "unknown metric 'spend13m'; known: " + Metric.catalogue()),
                        tuple("tiers[1].when.op",
                                "unknown operator 'atLeast'; known: gte, gt, lte, lt, eq, ne"));
    }

    @Test
    void theLastTierTakesEveryoneAndOnlyItMayHaveNoCondition() {
        PolicyDefinition policy = new PolicyDefinition(null, List.of(new TierRule("A", "A", null, null),
                tier("B", compare("spend12m", "gt", 0))), null, null);

        assertThat(PolicyValidator.violations(policy)).extracting(Violation::field)
                .containsExactly("tiers[0].when", "tiers[1].when");
    }

    @Test
    void aBooleanMetricTakesTrueOrFalseAndScoreNeedsAScorecard() {
        Condition competitor = new Condition(null, null, "usesCompetitor", "gte", new DecimalNode(BigDecimal.ONE));
        PolicyDefinition policy = new PolicyDefinition(null, List.of(tier("VIP", competitor),
                tier("TOP", compare("score", "gte", 80)), new TierRule("STANDARD", "普通", null, null)), null, null);

        assertThat(PolicyValidator.violations(policy)).extracting(Violation::field, Violation::message)
                .containsExactly(
                        tuple("tiers[0].when.value", "usesCompetitor is true or false"),
                        tuple("tiers[1].when.metric",
                                "score exists only in a policy with a scorecard"));
        Condition ok = new Condition(null, null, "usesCompetitor", "eq", BooleanNode.TRUE);
        assertThat(PolicyValidator.violations(new PolicyDefinition(null, List.of(tier("VIP", ok),
                new TierRule("STANDARD", "普通", null, null)), null, null))).isEmpty();
    }

    private static TierRule tier(String code, Condition when) {
        return new TierRule(code, code, null, when);
    }

    private static Condition compare(String metric, String op, long value) {
        return new Condition(null, null, metric, op, new DecimalNode(BigDecimal.valueOf(value)));
    }
}
