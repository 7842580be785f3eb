package io.tiercare.tiering.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;

import io.tiercare.tiering.domain.PolicyDefinition.Band;
import io.tiercare.tiering.domain.PolicyDefinition.Condition;
import io.tiercare.tiering.domain.PolicyDefinition.Downgrade;
import io.tiercare.tiering.domain.PolicyDefinition.Indicator;
import io.tiercare.tiering.domain.PolicyDefinition.Scorecard;
import io.tiercare.tiering.domain.PolicyDefinition.TierRule;

/** The policies the migrations seed (V3, and V12's ABCD version 2), written out in Java. */
final class DefaultPolicies {

    static final PolicyDefinition VALUE = new PolicyDefinition("value tiers on trailing-12-month net spend", List.of(
            tier("CORE", "核心客户", compare("spend12m", "gte", 100000)),
            tier("IMPORTANT", "重要客户", compare("spend12m", "gte", 30000)),
            tier("BASIC", "基础客户", compare("spend12m", "gt", 0)),
            tier("POTENTIAL", "潜在客户", null)), null, new Downgrade(Downgrade.Mode.GRACE_PERIOD, 30, 14));

    static final PolicyDefinition MEMBERSHIP = new PolicyDefinition("membership levels", List.of(
            new TierRule("SUPER_VIP", "超级VIP", benefits(20, true, true), any(
                    compare("spend12m", "gte", 60000),
                    all(compare("repeatPurchases12m", "gte", 3), compare("referrals", "gte", 1)))),
            new TierRule("VIP", "VIP", benefits(15, true, true), any(
                    compare("spend12m", "gte", 30000),
                    new Condition(null, null, "usesCompetitor", "eq", BooleanNode.TRUE),
                    compare("complaints12m", "gte", 1),
                    compare("referrals", "gte", 1),
                    compare("repeatPurchases12m", "gte", 2))),
            new TierRule("STANDARD", "普通会员", benefits(10, false, false), null)), null,
            new Downgrade(Downgrade.Mode.END_OF_PERIOD, null, 30));

    private static final List<Indicator> VALUE_AND_BEHAVIOUR = List.of(
            indicator("spend12m", 40, band("0", 0), band("10000", 40), band("30000", 70), band("100000", 100)),
            indicator("purchases12m", 20, band("1", 30), band("3", 70), band("6", 100)),
            indicator("repeatPurchases12m", 15, band("1", 50), band("3", 100)));
    private static final Indicator COMPLAINTS = indicator("complaints12m", 10, band("0", 100), band("1", 60),
            band("2", 30), band("3", 0));

    /** ABCD version 1: satisfaction is the complaint ratings alone, 15 % of the score. */
    static final PolicyDefinition ABCD_V1 = abcd(List.of(VALUE_AND_BEHAVIOUR.get(0), VALUE_AND_BEHAVIOUR.get(1),
            VALUE_AND_BEHAVIOUR.get(2), satisfaction("averageRating", 15), COMPLAINTS));

    /** ABCD version 2 (current): service contribution keeps its 15 %, split 7 ratings, 5 care satisfaction, 3 care. */
    static final PolicyDefinition ABCD = abcd(List.of(VALUE_AND_BEHAVIOUR.get(0), VALUE_AND_BEHAVIOUR.get(1),
            VALUE_AND_BEHAVIOUR.get(2), satisfaction("averageRating", 7), satisfaction("careSatisfaction12m", 5),
            indicator("careContacts12m", 3, band("1", 50), band("3", 100)), COMPLAINTS));

    /** LIFECYCLE version 2 (current): only a customer who has bought can churn. */
    static final PolicyDefinition LIFECYCLE = new PolicyDefinition("the first stage whose rule holds", List.of(
            tier("CHURNED", "流失", all(compare("daysSinceLastPurchase", "gte", 365),
                    compare("purchasesTotal", "gte", 1))),
            tier("DISSATISFIED", "不满意", any(compare("openComplaints", "gte", 1),
                    compare("averageRating", "lte", 2))),
            tier("SILENT", "沉默", compare("daysSinceLastPurchase", "gte", 180)),
            tier("AT_RISK", "潜在流失", any(compare("daysSinceLastPurchase", "gte", 90),
                    compare("spendTrend6m", "lt", new BigDecimal("0.5")))),
            tier("LOYAL", "忠诚", all(compare("purchases12m", "gte", 3), compare("tenureDays", "gte", 365))),
            tier("NEW", "新客户", compare("tenureDays", "lt", 90)),
            tier("ACTIVE", "活跃", null)), null, Downgrade.IMMEDIATE);

    private DefaultPolicies() {
    }

    private static PolicyDefinition abcd(List<Indicator> indicators) {
        return new PolicyDefinition("ABCD score 0–100", List.of(
                tier("A", "A类", compare("score", "gte", 80)),
                tier("B", "B类", compare("score", "gte", 60)),
                tier("C", "C类", compare("score", "gte", 40)),
                tier("D", "D类", null)), new Scorecard(indicators), new Downgrade(Downgrade.Mode.GRACE_PERIOD, 30, 7));
    }

    /** A 1–5 satisfaction average: 3 earns 40 points, 4 earns 70, 4.5 or more all 100. */
    private static Indicator satisfaction(String metric, int weight) {
        return indicator(metric, weight, band("3", 40), band("4", 70), band("4.5", 100));
    }

    private static TierRule tier(String code, String name, Condition when) {
        return new TierRule(code, name, null, when);
    }

    private static Map<String, Object> benefits(int discountPercent, boolean freeAnnualRepair,
            boolean priorityBooking) {
        return Map.of("discountPercent", discountPercent, "freeAnnualRepair", freeAnnualRepair, "priorityBooking",
                priorityBooking, "birthdayOffer", true);
    }

    static Condition compare(String metric, String op, int value) {
        return new Condition(null, null, metric, op, IntNode.valueOf(value));
    }

    static Condition compare(String metric, String op, BigDecimal value) {
        return new Condition(null, null, metric, op, DecimalNode.valueOf(value));
    }

    static Condition any(Condition... parts) {
        return new Condition(null, List.of(parts), null, null, null);
    }

    static Condition all(Condition... parts) {
        return new Condition(List.of(parts), null, null, null, null);
    }

    private static Indicator indicator(String metric, int weight, Band... bands) {
        return new Indicator(metric, BigDecimal.valueOf(weight), List.of(bands));
    }

    private static Band band(String from, int points) {
        return new Band(new BigDecimal(from), BigDecimal.valueOf(points));
    }
}
