package io.tiercare.tiering.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.tiercare.tiering.domain.Evaluator.Evaluation;
import io.tiercare.tiering.domain.PolicyDefinition.Downgrade;
import io.tiercare.tiering.domain.PolicyDefinition.TierRule;
import io.tiercare.tiering.domain.TierStanding.Circumstances;
import io.tiercare.tiering.domain.event.DowngradeWarning;
import io.tiercare.tiering.domain.event.LifecycleChanged;
import io.tiercare.tiering.domain.event.TierChanged;

/** The rules that move a customer's standing in a scheme (domain.md §3), without a clock, a database or Kafka. */
class TierStandingTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
    static final UUID CUSTOMER = UUID.fromString("0192f1a0-0000-7000-8000-000000000001");
    static final Supplier<List<String>> TO_KEEP = () -> List.of("spend 70000 CNY more by 2027-10-31");

    static TierScheme valueTiers(Downgrade downgrade) {
        return new TierScheme("VALUE", true, 3, new PolicyDefinition("value tiers", List.of(
                new TierRule("CORE", "核心客户", Map.of("visits", "monthly"), null),
                new TierRule("IMPORTANT", "重要客户", null, null),
                new TierRule("BASIC", "基础客户", null, null),
                new TierRule("POTENTIAL", "潜在客户", null, null)), null, downgrade));
    }

    static final TierScheme LIFECYCLE = new TierScheme("LIFECYCLE", false, 1, new PolicyDefinition("stages", List.of(
            new TierRule("NEW", null, null, null), new TierRule("ACTIVE", null, null, null),
            new TierRule("SILENT", null, null, null)), null, null));

    static Evaluation evaluatedAs(TierScheme scheme, String tier) {
        return new Evaluation(tier, scheme.indexOf(tier), null, List.of(), "rule of " + tier, List.of(), null,
                List.of());
    }

    static TierStanding standing(String tier) {
        return new TierStanding(CUSTOMER, "VALUE", tier, NOW.minus(Duration.ofDays(200)), 3, null, null, null, null,
                false);
    }

    static Circumstances now(Instant at) {
        return new Circumstances("purchase", false, false, at, SHANGHAI);
    }

    static final Downgrade GRACE_30_WARN_7 = new Downgrade(Downgrade.Mode.GRACE_PERIOD, 30, 7);

    @Test
    void aCustomersFirstGradingIsRecordedAsInitialAndPublished() {
        TierScheme scheme = valueTiers(GRACE_30_WARN_7);
        TierDecision decision = TierStanding.first(CUSTOMER, scheme, evaluatedAs(scheme, "IMPORTANT"), now(NOW));

        assertThat(decision.changed()).isTrue();
        assertThat(decision.change().direction()).isEqualTo(Direction.INITIAL);
        assertThat(decision.change().fromTier()).isNull();
        assertThat(decision.standing().tier()).isEqualTo("IMPORTANT");
        assertThat(decision.standing().since()).isEqualTo(NOW);
        TierChanged event = (TierChanged) decision.events().get(0);
        assertThat(event.direction()).isEqualTo("INITIAL");
        assertThat(event.explanation()).isEqualTo("IMPORTANT: rule of IMPORTANT");
        assertThat(event.policyVersion()).isEqualTo(3);
    }

    @Test
    void anUpgradeTakesEffectAtOnceWhateverTheDowngradePolicy() {
        TierScheme scheme = valueTiers(new Downgrade(Downgrade.Mode.END_OF_PERIOD, null, 30));
        TierDecision decision = standing("IMPORTANT").judge(scheme, evaluatedAs(scheme, "CORE"), now(NOW), TO_KEEP);

        assertThat(decision.change().direction()).isEqualTo(Direction.UP);
        assertThat(decision.standing().tier()).isEqualTo("CORE");
        assertThat(decision.standing().since()).isEqualTo(NOW);
        TierChanged event = (TierChanged) decision.events().get(0);
        assertThat(event.fromTier()).isEqualTo("IMPORTANT");
        assertThat(event.toTier()).isEqualTo("CORE");
        assertThat(event.reason()).isEqualTo("purchase");
        assertThat(event.benefits()).as("what the new tier grants").containsEntry("visits", "monthly");
    }

    @Test
    void aDowngradeUnderAnImmediatePolicyTakesEffectAtOnce() {
        TierScheme scheme = valueTiers(Downgrade.IMMEDIATE);
        TierDecision decision = standing("CORE").judge(scheme, evaluatedAs(scheme, "BASIC"), now(NOW), TO_KEEP);

        assertThat(decision.change().direction()).isEqualTo(Direction.DOWN);
        assertThat(decision.standing().tier()).isEqualTo("BASIC");
    }

    @Test
    void aDowngradeAfterAGracePeriodIsPendingUntilTheGraceDaysHavePassed() {
        TierScheme scheme = valueTiers(GRACE_30_WARN_7);
        TierDecision decision = standing("CORE").judge(scheme, evaluatedAs(scheme, "IMPORTANT"), now(NOW), TO_KEEP);

        assertThat(decision.changed()).isFalse();
        assertThat(decision.events()).isEmpty();
        assertThat(decision.standing().tier()).isEqualTo("CORE");
        assertThat(decision.standing().pendingTier()).isEqualTo("IMPORTANT");
        assertThat(decision.standing().downgradeAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
        assertThat(decision.standing().warningAt()).isEqualTo(NOW.plus(Duration.ofDays(23)));
    }

    @Test
    void aPendingDowngradeKeepsItsDateOnLaterEvaluationsAndTakesEffectWhenItIsDue() {
        TierScheme scheme = valueTiers(GRACE_30_WARN_7);
        TierStanding pending = standing("CORE").judge(scheme, evaluatedAs(scheme, "IMPORTANT"), now(NOW), TO_KEEP)
                .standing();

        Instant tenDaysOn = NOW.plus(Duration.ofDays(10));
        TierStanding later = pending.judge(scheme, evaluatedAs(scheme, "BASIC"), now(tenDaysOn), TO_KEEP).standing();
        assertThat(later.downgradeAt()).as("a deeper fall does not restart the period")
                .isEqualTo(NOW.plus(Duration.ofDays(30)));
        assertThat(later.pendingTier()).isEqualTo("BASIC");

        Instant due = NOW.plus(Duration.ofDays(30));
        TierDecision decision = later.judge(scheme, evaluatedAs(scheme, "BASIC"), now(due), TO_KEEP);
        assertThat(decision.standing().tier()).isEqualTo("BASIC");
        assertThat(decision.change().direction()).isEqualTo(Direction.DOWN);
        assertThat(decision.change().reason()).isEqualTo("purchase (grace period over)");
        assertThat(decision.standing().pendingTier()).isNull();
    }

    @Test
    void aDowngradeAtTheEndOfThePeriodFallsDueOnTheFirstOfJanuaryInBusinessTime() {
        TierScheme scheme = valueTiers(new Downgrade(Downgrade.Mode.END_OF_PERIOD, null, null));
        TierDecision decision = standing("CORE").judge(scheme, evaluatedAs(scheme, "IMPORTANT"), now(NOW), TO_KEEP);

        assertThat(decision.standing().downgradeAt()).isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));
        assertThat(decision.standing().warningAt()).as("no warning configured").isNull();

        TierDecision newYear = decision.standing().judge(scheme, evaluatedAs(scheme, "IMPORTANT"),
                now(Instant.parse("2026-12-31T16:00:00Z")), TO_KEEP);
        assertThat(newYear.change().reason()).isEqualTo("purchase (end of the qualifying period)");
        assertThat(newYear.standing().tier()).isEqualTo("IMPORTANT");
    }

    @Test
    void aCustomerWhoQualifiesAgainKeepsTheTierAndThePendingDowngradeIsDropped() {
        TierScheme scheme = valueTiers(GRACE_30_WARN_7);
        TierStanding pending = standing("CORE").judge(scheme, evaluatedAs(scheme, "IMPORTANT"), now(NOW), TO_KEEP)
                .standing();

        TierDecision decision = pending.judge(scheme, evaluatedAs(scheme, "CORE"), now(NOW.plus(Duration.ofDays(5))),
                TO_KEEP);
        assertThat(decision.changed()).isFalse();
        assertThat(decision.standing().tier()).isEqualTo("CORE");
        assertThat(decision.standing().pendingTier()).isNull();
        assertThat(decision.standing().downgradeAt()).isNull();
        assertThat(decision.standing().since()).as("the tier was never lost").isEqualTo(pending.since());
    }

    @Test
    void aPendingDowngradeIsAnnouncedOnceWarningDaysBeforeItIsDue() {
        TierScheme scheme = valueTiers(GRACE_30_WARN_7);
        TierStanding pending = standing("CORE").judge(scheme, evaluatedAs(scheme, "IMPORTANT"), now(NOW), TO_KEEP)
                .standing();

        TierDecision early = pending.judge(scheme, evaluatedAs(scheme, "IMPORTANT"),
                now(NOW.plus(Duration.ofDays(22))), TO_KEEP);
        assertThat(early.events()).as("eight days before: too early").isEmpty();

        Instant warnDay = NOW.plus(Duration.ofDays(23));
        TierDecision warned = early.standing().judge(scheme, evaluatedAs(scheme, "IMPORTANT"), now(warnDay), TO_KEEP);
        assertThat(warned.events()).singleElement().isInstanceOfSatisfying(DowngradeWarning.class, w -> {
            assertThat(w.currentTier()).isEqualTo("CORE");
            assertThat(w.pendingTier()).isEqualTo("IMPORTANT");
            assertThat(w.downgradeAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
            assertThat(w.warnedAt()).isEqualTo(warnDay);
            assertThat(w.toKeep()).containsExactly("spend 70000 CNY more by 2027-10-31");
        });
        assertThat(warned.standing().warned()).isTrue();

        TierDecision again = warned.standing().judge(scheme, evaluatedAs(scheme, "IMPORTANT"),
                now(warnDay.plus(Duration.ofDays(1))), TO_KEEP);
        assertThat(again.events()).as("announced once").isEmpty();
        assertThat(again.standing().warned()).isTrue();
    }

    @Test
    void anOpenSevereComplaintOrAPendingAppealHoldsADowngradeWithoutADate() {
        TierScheme scheme = valueTiers(GRACE_30_WARN_7);
        TierStanding pending = standing("CORE").judge(scheme, evaluatedAs(scheme, "IMPORTANT"), now(NOW), TO_KEEP)
                .standing();

        Instant due = NOW.plus(Duration.ofDays(30));
        TierDecision held = pending.judge(scheme, evaluatedAs(scheme, "IMPORTANT"),
                new Circumstances("complaint filed", false, true, due, SHANGHAI), TO_KEEP);
        assertThat(held.changed()).as("not even when the date has come").isFalse();
        assertThat(held.standing().tier()).isEqualTo("CORE");
        assertThat(held.standing().pendingTier()).isEqualTo("IMPORTANT");
        assertThat(held.standing().downgradeAt()).isNull();

        Instant released = due.plus(Duration.ofDays(3));
        TierDecision after = held.standing().judge(scheme, evaluatedAs(scheme, "IMPORTANT"), now(released), TO_KEEP);
        assertThat(after.standing().downgradeAt()).as("a fresh period once the hold ends")
                .isEqualTo(released.plus(Duration.ofDays(30)));
    }

    @Test
    void anUpgradeIsNeverHeld() {
        TierScheme scheme = valueTiers(GRACE_30_WARN_7);
        TierDecision decision = standing("BASIC").judge(scheme, evaluatedAs(scheme, "IMPORTANT"),
                new Circumstances("purchase", false, true, NOW, SHANGHAI), TO_KEEP);
        assertThat(decision.standing().tier()).isEqualTo("IMPORTANT");
    }

    @Test
    void whenAnOverrideEndsTheRulesTierAppliesAtOnceWithoutGrace() {
        TierScheme scheme = valueTiers(GRACE_30_WARN_7);
        TierDecision decision = standing("CORE").judge(scheme, evaluatedAs(scheme, "BASIC"),
                new Circumstances("override expired", true, false, NOW, SHANGHAI), TO_KEEP);
        assertThat(decision.standing().tier()).isEqualTo("BASIC");
        assertThat(decision.change().direction()).isEqualTo(Direction.DOWN);
        assertThat(decision.change().reason()).isEqualTo("override expired");
    }

    @Test
    void anOverrideInForceSetsTheTierWhateverTheRulesSayAndThePublicEventNamesOnlyWhoDecided() {
        TierScheme scheme = valueTiers(GRACE_30_WARN_7);
        TierStanding.Override override = new TierStanding.Override("CORE", Instant.parse("2027-02-01T00:00:00Z"),
                "override by li.wei: strategic account of 王芳", "override by li.wei");
        TierDecision decision = TierStanding.overridden(CUSTOMER, standing("BASIC"), scheme, override,
                evaluatedAs(scheme, "BASIC"), NOW);

        assertThat(decision.standing().tier()).isEqualTo("CORE");
        assertThat(decision.change().direction()).isEqualTo(Direction.UP);
        assertThat(decision.change().reason()).as("the history keeps the words")
                .isEqualTo("override by li.wei: strategic account of 王芳");
        TierChanged event = (TierChanged) decision.events().get(0);
        assertThat(event.reason()).isEqualTo("override by li.wei");
        assertThat(event.explanation()).isEqualTo("CORE: set by hand until 2027-02-01T00:00:00Z");

        TierDecision kept = TierStanding.overridden(CUSTOMER, decision.standing(), scheme, override,
                evaluatedAs(scheme, "POTENTIAL"), NOW.plus(Duration.ofDays(1)));
        assertThat(kept.changed()).as("the override holds against the rules").isFalse();
        assertThat(kept.standing().tier()).isEqualTo("CORE");
    }

    @Test
    void aLifecycleStageMovesSidewaysAndIsPublishedAsALifecycleChange() {
        TierStanding active = new TierStanding(CUSTOMER, "LIFECYCLE", "ACTIVE", NOW.minus(Duration.ofDays(90)), 1,
                null, null, null, null, false);
        TierDecision decision = active.judge(LIFECYCLE, evaluatedAs(LIFECYCLE, "SILENT"), now(NOW), TO_KEEP);

        assertThat(decision.change().direction()).isEqualTo(Direction.LATERAL);
        assertThat(decision.events()).singleElement().isInstanceOfSatisfying(LifecycleChanged.class, e -> {
            assertThat(e.fromStage()).isEqualTo("ACTIVE");
            assertThat(e.toStage()).isEqualTo("SILENT");
        });
    }

    @Test
    void anEvaluationThatChangesNothingThatMattersNeedsNoWrite() {
        TierScheme scheme = valueTiers(GRACE_30_WARN_7);
        TierStanding core = standing("CORE");
        TierStanding same = core.judge(scheme, evaluatedAs(scheme, "CORE"), now(NOW), TO_KEEP).standing();
        assertThat(same.sameAs(core)).isTrue();

        Evaluation rescored = new Evaluation("CORE", 0, new BigDecimal("88.50"), List.of(), "score", List.of(), null,
                List.of());
        assertThat(core.judge(scheme, rescored, now(NOW), TO_KEEP).standing().sameAs(core))
                .as("a new score is stored").isFalse();
        assertThat(same.sameAs(null)).as("a first standing is always stored").isFalse();
    }
}
