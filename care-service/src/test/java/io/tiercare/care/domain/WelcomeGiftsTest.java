package io.tiercare.care.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tiercare.care.domain.WelcomeGifts.Decision;
import io.tiercare.care.domain.WelcomeGifts.Past;

class WelcomeGiftsTest {

    private static final OutreachPolicy.Welcome POLICY = new OutreachPolicy.Welcome("MEMBERSHIP",
            List.of("VIP", "SUPER_VIP"), 365, 5);
    private static final List<String> CATALOGUE = List.of("FLOWERS", "CUSHION", "FU_STICKER");
    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

    @Test
    void anUpgradeToVipEarnsTheFirstGiftOfTheCatalogue() {
        Decision decision = WelcomeGifts.decide(POLICY, "MEMBERSHIP", "STANDARD", "VIP", "UP", NOW, List.of(),
                CATALOGUE);
        assertThat(decision.giftCode()).isEqualTo("FLOWERS");
        assertThat(decision.reason()).isEqualTo("MEMBERSHIP STANDARD → VIP: welcome gift FLOWERS, never given to "
                + "this customer before");
    }

    @Test
    void aFirstGradingStraightIntoVipIsWelcomedToo() {
        assertThat(WelcomeGifts.decide(POLICY, "MEMBERSHIP", null, "VIP", "INITIAL", NOW, List.of(), CATALOGUE)
                .giftCode()).isEqualTo("FLOWERS");
    }

    @Test
    void aCustomerNeverReceivesTheSameGiftTwice() {
        List<Past> past = List.of(new Past("VIP", "FLOWERS", Instant.parse("2025-01-10T00:00:00Z")));
        assertThat(WelcomeGifts.decide(POLICY, "MEMBERSHIP", "VIP", "SUPER_VIP", "UP", NOW, past, CATALOGUE)
                .giftCode()).isEqualTo("CUSHION");
        List<Past> all = List.of(new Past("VIP", "FLOWERS", Instant.parse("2023-01-10T00:00:00Z")),
                new Past("SUPER_VIP", "CUSHION", Instant.parse("2024-01-10T00:00:00Z")),
                new Past("VIP", "FU_STICKER", Instant.parse("2025-01-10T00:00:00Z")));
        assertThat(WelcomeGifts.decide(POLICY, "MEMBERSHIP", "STANDARD", "SUPER_VIP", "UP", NOW, all, CATALOGUE))
                .isEqualTo(new Decision(null, "every gift of the catalogue was given to this customer already"));
    }

    @Test
    void droppingAndRegainingALevelWithinTheCoolDownEarnsNoSecondWelcome() {
        List<Past> past = List.of(new Past("VIP", "FLOWERS", Instant.parse("2026-06-01T00:00:00Z")));
        assertThat(WelcomeGifts.decide(POLICY, "MEMBERSHIP", "STANDARD", "VIP", "UP", NOW, past, CATALOGUE))
                .isEqualTo(new Decision(null, "welcomed to VIP on 2026-06-01T00:00:00Z, within the 365-day "
                        + "cool-down"));
        List<Past> longAgo = List.of(new Past("VIP", "FLOWERS", Instant.parse("2025-11-01T00:00:00Z")));
        assertThat(WelcomeGifts.decide(POLICY, "MEMBERSHIP", "STANDARD", "VIP", "UP", NOW, longAgo, CATALOGUE)
                .giftCode()).isEqualTo("CUSHION");
    }

    @Test
    void downgradesOtherLevelsAndOtherSchemesEarnNothing() {
        assertThat(WelcomeGifts.decide(POLICY, "MEMBERSHIP", "SUPER_VIP", "VIP", "DOWN", NOW, List.of(), CATALOGUE)
                .reason()).isEqualTo("not an upgrade (SUPER_VIP → VIP)");
        assertThat(WelcomeGifts.decide(POLICY, "MEMBERSHIP", "VIP", "STANDARD", "DOWN", NOW, List.of(), CATALOGUE)
                .gives()).isFalse();
        assertThat(WelcomeGifts.decide(POLICY, "VALUE", "IMPORTANT", "CORE", "UP", NOW, List.of(), CATALOGUE)
                .reason()).isEqualTo("VALUE CORE earns no welcome gift");
    }
}
