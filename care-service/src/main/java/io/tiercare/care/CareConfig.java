package io.tiercare.care;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** care-service's configuration: every key under {@code tiercare.care}, with its default. */
@ConfigMapping(prefix = "tiercare.care")
public interface CareConfig {

    /** Who the messages come from. */
    Company company();

    /** The birthday greeting's offer. */
    BirthdayOffer birthdayOffer();

    /** A complaint notice older than this when it arrives is not sent (the moment has passed). */
    @WithDefault("P1D")
    Duration complaintNoticeMaxAge();

    Webhooks webhooks();

    /** How often the overdue watch runs ({@code off} in tests, which sweep on the test clock). */
    @WithDefault("1m")
    String sweepEvery();

    /** How often due messages are sent. */
    @WithDefault("1s")
    String dispatchEvery();

    /** When the daily greeting run starts, in the business time zone ({@code off}: never). */
    @WithDefault("0 0 9 * * ?")
    String greetingsCron();

    /** Re-plan chunks this replica works on at once. */
    @WithDefault("2")
    int replanConcurrency();

    /** The company's name and hotline, as the placeholders {@code company.name} and {@code company.hotline}. */
    interface Company {

        @WithDefault("66号定制家居")
        String name();

        @WithDefault("400-066-0066")
        String hotline();

        default Map<String, String> values() {
            return Map.of("company.name", name(), "company.hotline", hotline());
        }
    }

    interface BirthdayOffer {

        /** The scheme whose level's {@code birthdayOffer} benefit puts the offer in the greeting. */
        @WithDefault("MEMBERSHIP")
        String scheme();

        /** The offer's words. */
        @WithDefault("生日当月到店可领取会员生日礼一份")
        String text();
    }

    interface Webhooks {

        /** Private hosts a webhook may still reach (the local receiver in tests); {@code none} by default. */
        @WithDefault("none")
        Set<String> allowedPrivateHosts();
    }
}
