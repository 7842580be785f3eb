package io.tiercare.care.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tiercare.care.domain.ContactRules.Decision;
import io.tiercare.care.domain.ContactRules.Standing;
import io.tiercare.care.domain.ContactRules.Verdict;
import io.tiercare.care.domain.ContactRules.Wishes;

class ContactRulesTest {

    private static final ContactRules RULES = new ContactRules(4, LocalTime.of(21, 0), LocalTime.of(9, 0));
    /** Monday 23 November 2026, 10:00 in the business time zone. */
    private static final LocalDateTime MONDAY_MORNING = LocalDateTime.of(2026, 11, 23, 10, 0);
    private static final Wishes SMS_ALLOWED = new Wishes(Map.of("SMS", true), false, List.of(), false);
    private static final Standing FRESH = new Standing(0);

    @Test
    void marketingWithConsentGoesOutAtOnce() {
        assertThat(RULES.decide(OutreachKind.BIRTHDAY, CareChannel.SMS, SMS_ALLOWED, FRESH, MONDAY_MORNING))
                .isEqualTo(new Decision(Verdict.SEND, MONDAY_MORNING, null));
    }

    @Test
    void marketingWithoutConsentForTheChannelIsSuppressed() {
        Wishes emailOnly = new Wishes(Map.of("SMS", false, "EMAIL", true), false, List.of(), false);
        assertThat(RULES.decide(OutreachKind.FESTIVAL, CareChannel.SMS, emailOnly, FRESH, MONDAY_MORNING))
                .isEqualTo(new Decision(Verdict.SUPPRESS, null, "consent: no marketing consent for SMS"));
        Wishes unknown = new Wishes(Map.of(), false, List.of(), false);
        assertThat(RULES.decide(OutreachKind.FESTIVAL, CareChannel.EMAIL, unknown, FRESH, MONDAY_MORNING).rule())
                .isEqualTo("consent: no marketing consent for EMAIL");
    }

    @Test
    void aServiceMessageNeedsNoMarketingConsent() {
        Wishes none = new Wishes(Map.of(), false, List.of(), false);
        assertThat(RULES.decide(OutreachKind.APPOINTMENT, CareChannel.SMS, none, FRESH, MONDAY_MORNING).verdict())
                .isEqualTo(Verdict.SEND);
    }

    @Test
    void doNotDisturbHoldsBackMarketingOnly() {
        Wishes dnd = new Wishes(Map.of("SMS", true), true, List.of(), false);
        assertThat(RULES.decide(OutreachKind.CARE_OFFER, CareChannel.SMS, dnd, FRESH, MONDAY_MORNING).rule())
                .isEqualTo("do-not-disturb: the customer asked not to be contacted");
        assertThat(RULES.decide(OutreachKind.APPOINTMENT, CareChannel.SMS, dnd, FRESH, MONDAY_MORNING).verdict())
                .isEqualTo(Verdict.SEND);
    }

    @Test
    void theMonthlyBudgetSuppressesAllButComplaintCommunication() {
        Standing spent = new Standing(4);
        assertThat(RULES.decide(OutreachKind.BIRTHDAY, CareChannel.SMS, SMS_ALLOWED, spent, MONDAY_MORNING))
                .isEqualTo(new Decision(Verdict.SUPPRESS, null, "budget: 4 contacts in 2026-11 already, at most 4"));
        assertThat(RULES.decide(OutreachKind.APPOINTMENT, CareChannel.SMS, SMS_ALLOWED, spent, MONDAY_MORNING)
                .verdict()).isEqualTo(Verdict.SUPPRESS);
        assertThat(RULES.decide(OutreachKind.COMPLAINT_FOLLOW_UP, CareChannel.SMS, SMS_ALLOWED, spent,
                MONDAY_MORNING).verdict()).isEqualTo(Verdict.SEND);
        assertThat(RULES.decide(OutreachKind.COMPLAINT_RECEIVED, CareChannel.SMS, SMS_ALLOWED, spent,
                MONDAY_MORNING).verdict()).isEqualTo(Verdict.SEND);
        assertThat(RULES.decide(OutreachKind.COMPLAINT_RESOLVED, CareChannel.EMAIL, new Wishes(Map.of(), true,
                List.of(), false), spent, MONDAY_MORNING).verdict()).isEqualTo(Verdict.SEND);
        assertThat(RULES.decide(OutreachKind.BIRTHDAY, CareChannel.SMS, SMS_ALLOWED, new Standing(3),
                MONDAY_MORNING).verdict()).isEqualTo(Verdict.SEND);
    }

    @Test
    void duringQuietHoursAMessageWaitsForTheMorning() {
        LocalDateTime late = LocalDateTime.of(2026, 11, 23, 22, 30);
        assertThat(RULES.decide(OutreachKind.COMPLAINT_FOLLOW_UP, CareChannel.SMS, SMS_ALLOWED, FRESH, late))
                .isEqualTo(new Decision(Verdict.WAIT, LocalDateTime.of(2026, 11, 24, 9, 0),
                        "quiet-hours: 21:00–09:00"));
        LocalDateTime early = LocalDateTime.of(2026, 11, 24, 6, 0);
        assertThat(RULES.decide(OutreachKind.APPOINTMENT, CareChannel.SMS, SMS_ALLOWED, FRESH, early).at())
                .isEqualTo(LocalDateTime.of(2026, 11, 24, 9, 0));
    }

    @Test
    void aCustomerWhoPrefersWeekendsGetsMarketingOnTheWeekend() {
        Wishes weekends = new Wishes(Map.of("SMS", true), false, List.of(new ContactWindow(
                Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), LocalTime.of(10, 0), LocalTime.of(18, 0))), false);
        assertThat(RULES.decide(OutreachKind.CARE_OFFER, CareChannel.SMS, weekends, FRESH, MONDAY_MORNING))
                .isEqualTo(new Decision(Verdict.WAIT, LocalDateTime.of(2026, 11, 28, 10, 0),
                        "window: the customer's contact windows"));
        LocalDateTime saturdayNoon = LocalDateTime.of(2026, 11, 28, 12, 0);
        assertThat(RULES.decide(OutreachKind.CARE_OFFER, CareChannel.SMS, weekends, FRESH, saturdayNoon).verdict())
                .isEqualTo(Verdict.SEND);
        // a service message is not held to the windows
        assertThat(RULES.decide(OutreachKind.APPOINTMENT, CareChannel.SMS, weekends, FRESH, MONDAY_MORNING)
                .verdict()).isEqualTo(Verdict.SEND);
    }

    @Test
    void aWindowInsideQuietHoursNeverFitsAndIsSuppressedWithTheReason() {
        Wishes nights = new Wishes(Map.of("SMS", true), false, List.of(new ContactWindow(Set.of(DayOfWeek.values()),
                LocalTime.of(22, 0), LocalTime.of(23, 0))), false);
        assertThat(RULES.decide(OutreachKind.BIRTHDAY, CareChannel.SMS, nights, FRESH, MONDAY_MORNING).rule())
                .startsWith("window: no moment in the next week");
    }

    @Test
    void anErasedCustomerGetsNothing() {
        Wishes erased = new Wishes(Map.of("SMS", true), false, List.of(), true);
        assertThat(RULES.decide(OutreachKind.COMPLAINT_FOLLOW_UP, CareChannel.SMS, erased, FRESH, MONDAY_MORNING)
                .verdict()).isEqualTo(Verdict.SUPPRESS);
    }
}
