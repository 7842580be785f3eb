package io.tiercare.tiering.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tiercare.chassis.problem.ActionForbiddenException;
import io.tiercare.chassis.problem.ConflictException;
import io.tiercare.chassis.problem.InvalidInputException;
import io.tiercare.tiering.domain.PolicyDefinition.TierRule;
import io.tiercare.tiering.domain.TierAppeal.AppealedChange;
import io.tiercare.tiering.domain.event.AppealDecided;

/** Appeals (申诉) and manual overrides (domain.md §3): a reviewer re-checks and decides; an override has a reason and
 * an expiry. */
class TierAppealTest {

    static final UUID CUSTOMER = UUID.fromString("0192f1a0-0000-7000-8000-000000000002");
    static final Instant CHANGED = Instant.parse("2026-11-01T02:00:00Z");
    static final AppealedChange DOWNGRADE = new AppealedChange(41, "VALUE", "CORE", "IMPORTANT", Direction.DOWN,
            CHANGED);
    static final TierScheme VALUE = new TierScheme("VALUE", true, 2, new PolicyDefinition("value", List.of(
            new TierRule("CORE", null, null, null), new TierRule("IMPORTANT", null, null, null),
            new TierRule("BASIC", null, null, null)), null, null));

    static TierAppeal filed() {
        return TierAppeal.file(CUSTOMER, DOWNGRADE, DOWNGRADE, false, "  long-standing account  ", "agent.zhang",
                CHANGED.plus(Duration.ofDays(3)));
    }

    @Test
    void anAppealAgainstTheLatestChangeIsPendingWithTheTiersItConcerns() {
        TierAppeal appeal = filed();
        assertThat(appeal.status()).isEqualTo(AppealStatus.PENDING);
        assertThat(appeal.appealedFromTier()).isEqualTo("CORE");
        assertThat(appeal.appealedToTier()).isEqualTo("IMPORTANT");
        assertThat(appeal.changeId()).isEqualTo(41);
        assertThat(appeal.reason()).isEqualTo("long-standing account");
        assertThat(appeal.filedBy()).isEqualTo("agent.zhang");
    }

    @Test
    void onlyTheLatestChangeInASchemeCanBeAppealed() {
        AppealedChange later = new AppealedChange(42, "VALUE", "IMPORTANT", "BASIC", Direction.DOWN,
                CHANGED.plus(Duration.ofDays(1)));
        assertThatThrownBy(() -> TierAppeal.file(CUSTOMER, DOWNGRADE, later, false, "why", "agent.zhang",
                CHANGED.plus(Duration.ofDays(2)))).isInstanceOf(ConflictException.class)
                .hasMessage("only the latest change in VALUE can be appealed: change 41 was followed by change 42 "
                        + "(BASIC)");
    }

    @Test
    void aFirstGradingCannotBeAppealedForThereIsNoEarlierTier() {
        AppealedChange initial = new AppealedChange(7, "VALUE", null, "BASIC", Direction.INITIAL, CHANGED);
        assertThatThrownBy(() -> TierAppeal.file(CUSTOMER, initial, initial, false, "why", "agent.zhang", CHANGED))
                .isInstanceOf(ConflictException.class).hasMessageContaining("first grading in VALUE");
    }

    @Test
    void anAppealIsFiledWithinThirtyDaysOfTheChange() {
        TierAppeal lastDay = TierAppeal.file(CUSTOMER, DOWNGRADE, DOWNGRADE, false, "why", "agent.zhang",
                CHANGED.plus(Duration.ofDays(30)));
        assertThat(lastDay.status()).isEqualTo(AppealStatus.PENDING);
        assertThatThrownBy(() -> TierAppeal.file(CUSTOMER, DOWNGRADE, DOWNGRADE, false, "why", "agent.zhang",
                CHANGED.plus(Duration.ofDays(30)).plusSeconds(1))).isInstanceOf(ConflictException.class)
                .hasMessage("change 41 took effect at 2026-11-01T02:00:00Z: an appeal had to be filed within 30 days, "
                        + "by 2026-12-01T02:00:00Z");
    }

    @Test
    void oneAppealAtATimeIsPendingInAScheme() {
        assertThatThrownBy(() -> TierAppeal.file(CUSTOMER, DOWNGRADE, DOWNGRADE, true, "why", "agent.zhang",
                CHANGED)).isInstanceOf(ConflictException.class)
                .hasMessage("an appeal in VALUE is already pending for customer " + CUSTOMER);
    }

    @Test
    void theOneWhoFiledAnAppealMayNotDecideIt() {
        TierAppeal appeal = filed();
        assertThatThrownBy(() -> appeal.decide(AppealStatus.UPHELD, "fine", "agent.zhang", CHANGED,
                Duration.ofDays(90))).isInstanceOf(ActionForbiddenException.class)
                .hasMessageEndingWith("was filed by agent.zhang: another reviewer must decide it (four-eyes)");
        assertThat(appeal.status()).isEqualTo(AppealStatus.PENDING);
    }

    @Test
    void anUpheldAppealLeavesTheChangeStandingAndTheDecisionIsFinal() {
        TierAppeal appeal = filed();
        Instant decided = CHANGED.plus(Duration.ofDays(5));
        assertThat(appeal.decide(AppealStatus.UPHELD, " spend fell ", "supervisor.li", decided,
                Duration.ofDays(90))).isEmpty();
        assertThat(appeal.status()).isEqualTo(AppealStatus.UPHELD);
        assertThat(appeal.decisionReason()).isEqualTo("spend fell");
        assertThat(appeal.decidedAt()).isEqualTo(decided);

        assertThatThrownBy(() -> appeal.decide(AppealStatus.OVERTURNED, "second thoughts", "supervisor.wu", decided,
                Duration.ofDays(90))).isInstanceOf(ConflictException.class)
                .hasMessageEndingWith("was already decided: UPHELD by supervisor.li at " + decided);
    }

    @Test
    void anOverturnedAppealBringsTheFormerTierBackAsAnOverrideForAWhile() {
        TierAppeal appeal = filed();
        Instant decided = CHANGED.plus(Duration.ofDays(5));
        Optional<TierOverride> override = appeal.decide(AppealStatus.OVERTURNED, "order was mis-booked",
                "supervisor.li", decided, Duration.ofDays(90));

        assertThat(override).hasValueSatisfying(o -> {
            assertThat(o.tier()).isEqualTo("CORE");
            assertThat(o.expiresAt()).isEqualTo(decided.plus(Duration.ofDays(90)));
            assertThat(o.appealId()).isEqualTo(appeal.id());
            assertThat(o.reason()).isEqualTo("appeal overturned the change to IMPORTANT: order was mis-booked");
            assertThat(o.asRule().told()).as("the public event names the appeal, not the words")
                    .isEqualTo("appeal " + appeal.id() + " overturned the change");
        });
    }

    @Test
    void theDecisionIsPublishedWithoutTheReviewersWords() {
        TierAppeal appeal = filed();
        appeal.decide(AppealStatus.OVERTURNED, "王芳's order was mis-booked", "supervisor.li", CHANGED,
                Duration.ofDays(90));
        AppealDecided event = appeal.decided("CORE");
        assertThat(event.decision()).isEqualTo("OVERTURNED");
        assertThat(event.reason()).isEqualTo("appeal overturned (the reviewer's words stay in tiering)");
        assertThat(event.filedBy()).isEqualTo("agent.zhang");
        assertThat(event.decidedBy()).isEqualTo("supervisor.li");
        assertThat(event.resultingTier()).isEqualTo("CORE");
    }

    @Test
    void aManualOverrideNamesATierOfItsSchemeAndExpiresInTheFuture() {
        Instant now = CHANGED;
        assertThatThrownBy(() -> TierOverride.set(CUSTOMER, VALUE, "PLATINUM", "why", now.plusSeconds(60), "li",
                now)).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage())
                        .contains("'PLATINUM' is not a tier of VALUE; its tiers: CORE, IMPORTANT, BASIC"));
        assertThatThrownBy(() -> TierOverride.set(CUSTOMER, VALUE, "CORE", "why", now, "li", now))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must be in the future");

        TierOverride o = TierOverride.set(CUSTOMER, VALUE, "CORE", " strategic account ", now.plusSeconds(60), "li",
                now);
        assertThat(o.inForce()).isTrue();
        assertThat(o.reason()).isEqualTo("strategic account");
        assertThat(o.asRule().why()).isEqualTo("override by li: strategic account");
        assertThat(o.asRule().told()).isEqualTo("override by li");
    }

    @Test
    void anOverrideEndsOnce() {
        TierOverride o = TierOverride.set(CUSTOMER, VALUE, "CORE", "why", CHANGED.plusSeconds(60), "li", CHANGED);
        o.end(CHANGED.plusSeconds(10), "wu");
        assertThat(o.inForce()).isFalse();
        assertThat(o.endedBy()).isEqualTo("wu");
        assertThatThrownBy(() -> o.end(CHANGED.plusSeconds(20), "li")).isInstanceOf(ConflictException.class);
    }
}
