package io.tiercare.tiering.domain;

import static io.tiercare.tiering.domain.DefaultPolicies.ABCD;
import static io.tiercare.tiering.domain.DefaultPolicies.ABCD_V1;
import static io.tiercare.tiering.domain.DefaultPolicies.LIFECYCLE;
import static io.tiercare.tiering.domain.DefaultPolicies.MEMBERSHIP;
import static io.tiercare.tiering.domain.DefaultPolicies.VALUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tiercare.tiering.domain.Evaluator.Evaluation;
import io.tiercare.tiering.domain.Evaluator.IndicatorScore;
import io.tiercare.tiering.domain.Evaluator.Requirement;

/** The default grading schemes of domain.md §3 applied to a customer's metric values, with the why of each tier. */
class EvaluatorTest {

    @Test
    void valueTiersFollowTwelveMonthSpendAndEachThresholdIsReachedAtTheAmountItself() {
        assertThat(valueTier("100000.00")).isEqualTo("CORE");
        assertThat(valueTier("99999.99")).isEqualTo("IMPORTANT");
        assertThat(valueTier("30000.00")).isEqualTo("IMPORTANT");
        assertThat(valueTier("29999.99")).isEqualTo("BASIC");
        assertThat(valueTier("0.01")).isEqualTo("BASIC");
        assertThat(valueTier("0.00")).as("no net spend: a prospect").isEqualTo("POTENTIAL");
    }

    @Test
    void aCoreCustomerKeepsTheTopTierBySpendAndHasNoTierAboveToReach() {
        Evaluation core = Evaluator.evaluate(VALUE, facts().with(Metric.SPEND_12M, "120000.00").values());

        assertThat(core.tier()).isEqualTo("CORE");
        assertThat(core.index()).isZero();
        assertThat(core.matchedRule()).isEqualTo("spend12m ≥ 100000");
        assertThat(core.keeps()).containsExactly(
                new Requirement("spend12m", "gte", "100000", new BigDecimal("120000.00"), true, null));
        assertThat(core.nextTier()).isNull();
        assertThat(core.toReachNext()).isEmpty();
        assertThat(core.score()).as("value tiers have no scorecard").isNull();
        assertThat(core.breakdown()).isEmpty();
        assertThat(core.summary()).isEqualTo("CORE: spend12m ≥ 100000");
    }

    @Test
    void anImportantCustomerIsToldHowMuchMoreSpendMakesThemCore() {
        Evaluation important = Evaluator.evaluate(VALUE, facts().with(Metric.SPEND_12M, "45000.00").values());

        assertThat(important.tier()).isEqualTo("IMPORTANT");
        assertThat(important.index()).isEqualTo(1);
        assertThat(important.keeps()).extracting(Requirement::describe)
                .containsExactly("spend12m ≥ 30000 (now 45000.00)");
        assertThat(important.nextTier()).isEqualTo("CORE");
        assertThat(important.toReachNext()).containsExactly(new Requirement("spend12m", "gte", "100000",
                new BigDecimal("45000.00"), false, new BigDecimal("55000.00")));
        assertThat(important.toReachNext().get(0).describe())
                .isEqualTo("spend12m ≥ 100000 (now 45000.00, 55000.00 short)");
    }

    @Test
    void withoutAnySpendACustomerIsPotentialByTheCatchAllRule() {
        Evaluation prospect = Evaluator.evaluate(VALUE, facts().with(Metric.INQUIRIES_TOTAL, "2").values());

        assertThat(prospect.tier()).isEqualTo("POTENTIAL");
        assertThat(prospect.index()).isEqualTo(3);
        assertThat(prospect.matchedRule()).isEqualTo("otherwise");
        assertThat(prospect.keeps()).isEmpty();
        assertThat(prospect.nextTier()).isEqualTo("BASIC");
        assertThat(prospect.toReachNext()).as("a metric without a value fails its comparison, with nothing short")
                .containsExactly(new Requirement("spend12m", "gt", "0", null, false, null));
        assertThat(prospect.toReachNext().get(0).describe()).isEqualTo("spend12m > 0 (now no value)");
        assertThat(prospect.summary()).isEqualTo("POTENTIAL: otherwise");
    }

    @Test
    void aSuperVipSpendsAtLeast60000OrBuysRepeatedlyAndRefersFriends() {
        Evaluation bigSpender = Evaluator.evaluate(MEMBERSHIP, member().with(Metric.SPEND_12M, "60000.00").values());
        Evaluation fan = Evaluator.evaluate(MEMBERSHIP, member().with(Metric.REPEAT_PURCHASES_12M, "3")
                .with(Metric.REFERRALS, "1").values());
        Evaluation repeatBuyerAlone = Evaluator.evaluate(MEMBERSHIP, member()
                .with(Metric.REPEAT_PURCHASES_12M, "3").values());

        assertThat(bigSpender.tier()).isEqualTo("SUPER_VIP");
        assertThat(fan.tier()).isEqualTo("SUPER_VIP");
        assertThat(fan.matchedRule())
                .isEqualTo("any(spend12m ≥ 60000, all(repeatPurchases12m ≥ 3, referrals ≥ 1))");
        assertThat(fan.keeps()).extracting(Requirement::metric, Requirement::met).containsExactly(
                tuple("spend12m", false), tuple("repeatPurchases12m", true), tuple("referrals", true));
        assertThat(repeatBuyerAlone.tier()).as("repeat purchases without a referral").isEqualTo("VIP");
    }

    @Test
    void anyOneOfTheVipReasonsMakesAVip() {
        assertThat(membership(member())).isEqualTo("STANDARD");
        assertThat(membership(member().with(Metric.SPEND_12M, "30000.00"))).as("spend").isEqualTo("VIP");
        assertThat(membership(member().with(Metric.USES_COMPETITOR, "1"))).as("competitor user").isEqualTo("VIP");
        assertThat(membership(member().with(Metric.COMPLAINTS_12M, "1"))).as("complainant").isEqualTo("VIP");
        assertThat(membership(member().with(Metric.REFERRALS, "1"))).as("referrer").isEqualTo("VIP");
        assertThat(membership(member().with(Metric.REPEAT_PURCHASES_12M, "2"))).as("repeat buyer").isEqualTo("VIP");
        assertThat(membership(member().with(Metric.SPEND_12M, "29999.99").with(Metric.REPEAT_PURCHASES_12M, "1")))
                .as("just short of both").isEqualTo("STANDARD");
    }

    @Test
    void aVipIsToldEveryWayToBecomeASuperVip() {
        Evaluation vip = Evaluator.evaluate(MEMBERSHIP, member().with(Metric.SPEND_12M, "12000.00")
                .with(Metric.USES_COMPETITOR, "1").with(Metric.REPEAT_PURCHASES_12M, "1").values());

        assertThat(vip.tier()).isEqualTo("VIP");
        assertThat(vip.keeps()).filteredOn(Requirement::met).extracting(Requirement::describe)
                .containsExactly("usesCompetitor = true (now 1)");
        assertThat(vip.nextTier()).isEqualTo("SUPER_VIP");
        assertThat(vip.toReachNext()).containsExactly(
                new Requirement("spend12m", "gte", "60000", new BigDecimal("12000.00"), false,
                        new BigDecimal("48000.00")),
                new Requirement("repeatPurchases12m", "gte", "3", new BigDecimal("1"), false, new BigDecimal("2")),
                new Requirement("referrals", "gte", "1", new BigDecimal("0"), false, new BigDecimal("1")));
    }

    @Test
    void theAbcdScoreIsTheWeightedAverageOfEachIndicatorsPoints() {
        Evaluation grade = Evaluator.evaluate(ABCD, facts().with(Metric.SPEND_12M, "45000.00")
                .with(Metric.PURCHASES_12M, "4").with(Metric.REPEAT_PURCHASES_12M, "3")
                .with(Metric.AVERAGE_RATING, "4.60").with(Metric.CARE_SATISFACTION_12M, "4.50")
                .with(Metric.CARE_CONTACTS_12M, "2").with(Metric.COMPLAINTS_12M, "1").values());

        assertThat(grade.breakdown())
                .extracting(IndicatorScore::metric, IndicatorScore::points, IndicatorScore::weighted)
                .containsExactly(
                        tuple("spend12m", new BigDecimal("70"), new BigDecimal("2800")),
                        tuple("purchases12m", new BigDecimal("70"), new BigDecimal("1400")),
                        tuple("repeatPurchases12m", new BigDecimal("100"), new BigDecimal("1500")),
                        tuple("averageRating", new BigDecimal("100"), new BigDecimal("700")),
                        tuple("careSatisfaction12m", new BigDecimal("100"), new BigDecimal("500")),
                        tuple("careContacts12m", new BigDecimal("50"), new BigDecimal("150")),
                        tuple("complaints12m", new BigDecimal("60"), new BigDecimal("600")));
        assertThat(grade.score()).isEqualTo(new BigDecimal("76.50"));
        assertThat(grade.tier()).isEqualTo("B");
        assertThat(grade.matchedRule()).isEqualTo("score ≥ 60");
        assertThat(grade.nextTier()).isEqualTo("A");
        assertThat(grade.toReachNext()).containsExactly(new Requirement("score", "gte", "80",
                new BigDecimal("76.50"), false, new BigDecimal("3.50")));
        assertThat(grade.summary()).isEqualTo("B: score ≥ 60 (score 76.50)");
    }

    @Test
    void aScoreOf80IsGradeAAndTheLowestScoresAreGradeD() {
        // 100 points for spend, frequency and repeats, 100 for care participation, 40 for care satisfaction
        // of 3, nothing for three complaints: (4000 + 2000 + 1500 + 300 + 200) / 100
        Facts topButComplaining = facts().with(Metric.SPEND_12M, "100000.00").with(Metric.PURCHASES_12M, "6")
                .with(Metric.REPEAT_PURCHASES_12M, "5").with(Metric.COMPLAINTS_12M, "3")
                .with(Metric.CARE_CONTACTS_12M, "3");

        Evaluation a = Evaluator.evaluate(ABCD, topButComplaining.with(Metric.CARE_SATISFACTION_12M, "3.00").values());
        assertThat(a.score()).isEqualTo(new BigDecimal("80.00"));
        assertThat(a.tier()).isEqualTo("A");

        Evaluation b = Evaluator.evaluate(ABCD, topButComplaining.with(Metric.CARE_SATISFACTION_12M, "2.90").values());
        assertThat(b.score()).isEqualTo(new BigDecimal("78.00"));
        assertThat(b.tier()).isEqualTo("B");

        Evaluation d = Evaluator.evaluate(ABCD, facts().with(Metric.SPEND_12M, "0.00").with(Metric.PURCHASES_12M, "0")
                .with(Metric.COMPLAINTS_12M, "0").values());
        assertThat(d.score()).as("only the complaint-free points").isEqualTo(new BigDecimal("10.00"));
        assertThat(d.tier()).isEqualTo("D");
        assertThat(d.matchedRule()).isEqualTo("otherwise");
    }

    @Test
    void aSatisfactionOf4Point5EarnsFullPointsAndEveryComplaintCostsPoints() {
        assertThat(points("averageRating", facts().with(Metric.AVERAGE_RATING, "4.49"))).isEqualByComparingTo("70");
        assertThat(points("averageRating", facts().with(Metric.AVERAGE_RATING, "4.50"))).isEqualByComparingTo("100");
        assertThat(points("averageRating", facts())).as("never rated: no points").isEqualByComparingTo("0");
        assertThat(points("careSatisfaction12m", facts().with(Metric.CARE_SATISFACTION_12M, "4.50")))
                .isEqualByComparingTo("100");

        assertThat(points("complaints12m", facts().with(Metric.COMPLAINTS_12M, "0"))).isEqualByComparingTo("100");
        assertThat(points("complaints12m", facts().with(Metric.COMPLAINTS_12M, "1"))).isEqualByComparingTo("60");
        assertThat(points("complaints12m", facts().with(Metric.COMPLAINTS_12M, "2"))).isEqualByComparingTo("30");
        assertThat(points("complaints12m", facts().with(Metric.COMPLAINTS_12M, "7"))).isEqualByComparingTo("0");
    }

    @Test
    void serviceContributionKeepsItsFifteenPercentNowSharedWithCare() {
        Facts satisfiedAndReached = facts().with(Metric.SPEND_12M, "45000.00").with(Metric.PURCHASES_12M, "4")
                .with(Metric.REPEAT_PURCHASES_12M, "3").with(Metric.AVERAGE_RATING, "5.00")
                .with(Metric.COMPLAINTS_12M, "1");

        Evaluation before = Evaluator.evaluate(ABCD_V1, satisfiedAndReached.values());
        Evaluation withoutCare = Evaluator.evaluate(ABCD, satisfiedAndReached.values());
        Evaluation withCare = Evaluator.evaluate(ABCD, satisfiedAndReached.with(Metric.CARE_SATISFACTION_12M, "5.00")
                .with(Metric.CARE_CONTACTS_12M, "3").values());

        assertThat(before.score()).isEqualTo(new BigDecimal("78.00"));
        assertThat(withCare.score()).as("full points in the group, as before").isEqualTo(new BigDecimal("78.00"));
        assertThat(withoutCare.score()).as("ratings alone now earn 7 of the 15").isEqualTo(new BigDecimal("70.00"));
    }

    @Test
    void lifecycleStagesAreTriedInOrderChurnedThenDissatisfiedThenSilent() {
        assertThat(stage(facts().with(Metric.DAYS_SINCE_LAST_PURCHASE, "365").with(Metric.PURCHASES_TOTAL, "1")
                .with(Metric.OPEN_COMPLAINTS, "1"))).as("a year without a purchase outweighs an open complaint")
                .isEqualTo("CHURNED");
        assertThat(stage(facts().with(Metric.DAYS_SINCE_LAST_PURCHASE, "364").with(Metric.OPEN_COMPLAINTS, "1")))
                .isEqualTo("DISSATISFIED");
        assertThat(stage(facts().with(Metric.DAYS_SINCE_LAST_PURCHASE, "10").with(Metric.OPEN_COMPLAINTS, "0")
                .with(Metric.AVERAGE_RATING, "2.00"))).as("a low rating").isEqualTo("DISSATISFIED");
        assertThat(stage(facts().with(Metric.DAYS_SINCE_LAST_PURCHASE, "180").with(Metric.OPEN_COMPLAINTS, "0")
                .with(Metric.AVERAGE_RATING, "2.01"))).isEqualTo("SILENT");
    }

    @Test
    void fallingSpendOrThreeQuietMonthsPutACustomerAtRiskBeforeLoyaltyCounts() {
        Facts loyal = facts().with(Metric.DAYS_SINCE_LAST_PURCHASE, "20").with(Metric.OPEN_COMPLAINTS, "0")
                .with(Metric.PURCHASES_12M, "3").with(Metric.TENURE_DAYS, "365").with(Metric.SPEND_TREND_6M, "1.20");

        assertThat(stage(loyal)).isEqualTo("LOYAL");
        assertThat(stage(loyal.with(Metric.SPEND_TREND_6M, "0.49"))).as("spend halved").isEqualTo("AT_RISK");
        assertThat(stage(loyal.with(Metric.SPEND_TREND_6M, "0.50").with(Metric.DAYS_SINCE_LAST_PURCHASE, "90")))
                .as("three months without a purchase").isEqualTo("AT_RISK");
        assertThat(stage(facts().with(Metric.DAYS_SINCE_LAST_PURCHASE, "20").with(Metric.OPEN_COMPLAINTS, "0")
                .with(Metric.PURCHASES_12M, "3").with(Metric.TENURE_DAYS, "364"))).as("not a year yet")
                .isEqualTo("ACTIVE");
        assertThat(stage(facts().with(Metric.DAYS_SINCE_LAST_PURCHASE, "30").with(Metric.OPEN_COMPLAINTS, "0")
                .with(Metric.PURCHASES_12M, "1").with(Metric.TENURE_DAYS, "89"))).isEqualTo("NEW");
    }

    private static String valueTier(String spend12m) {
        return Evaluator.evaluate(VALUE, facts().with(Metric.SPEND_12M, spend12m).values()).tier();
    }

    private static String membership(Facts facts) {
        return Evaluator.evaluate(MEMBERSHIP, facts.values()).tier();
    }

    private static String stage(Facts facts) {
        return Evaluator.evaluate(LIFECYCLE, facts.values()).tier();
    }

    private static BigDecimal points(String metric, Facts facts) {
        return Evaluator.evaluate(ABCD, facts.values()).breakdown().stream().filter(s -> s.metric().equals(metric))
                .findFirst().orElseThrow().points();
    }

    /** An ordinary member: a small spend, no repeat purchase, no referral, no complaint, no competitor product. */
    private static Facts member() {
        return facts().with(Metric.SPEND_12M, "5000.00").with(Metric.REPEAT_PURCHASES_12M, "0")
                .with(Metric.REFERRALS, "0").with(Metric.COMPLAINTS_12M, "0").with(Metric.USES_COMPETITOR, "0");
    }

    private static Facts facts() {
        return new Facts();
    }

    /** Metric values as the projection yields them; a metric left out has no value. */
    private static final class Facts {

        private final Map<Metric, BigDecimal> values = new EnumMap<>(Metric.class);

        Facts with(Metric metric, String value) {
            values.put(metric, new BigDecimal(value));
            return this;
        }

        Map<Metric, BigDecimal> values() {
            return Map.copyOf(values);
        }
    }

    @Test
    void aMoreThanRuleIsShortByOneStepAtTheValuesOwnPrecision() {
        Evaluation prospect = Evaluator.evaluate(VALUE, facts().with(Metric.SPEND_12M, "0.00").values());
        assertThat(prospect.toReachNext()).extracting(Evaluator.Requirement::shortfall)
                .as("a fen of spend makes a BASIC customer").containsExactly(new BigDecimal("0.01"));
    }
}
