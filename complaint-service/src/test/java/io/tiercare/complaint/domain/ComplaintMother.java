package io.tiercare.complaint.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tiercare.complaint.domain.Complaint.Filed;
import io.tiercare.complaint.domain.Complaint.Intake;
import io.tiercare.complaint.domain.SlaPolicy.Rule;
import io.tiercare.complaint.domain.SlaPolicy.WorkingHours;

/**
 * Complaints filed under the seeded SLA policy (V3: the 1-24-48 rule, and the green channel for CORE customers and
 * for critical complaints, on the calendar clock), on the seeded calendar's autumn of 2026.
 */
final class ComplaintMother {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final UUID CUSTOMER = UUID.fromString("01937a2e-5c4b-7d10-8a2b-3c4d5e6f7a80");
    static final String CATEGORY = "PRODUCT_QUALITY.DEFECT";
    static final double AT_RISK_SHARE = 0.8;

    static final Rule GREEN_CHANNEL = new Rule("green channel", List.of("CORE"), List.of(), SlaClock.CALENDAR,
            Duration.ofMinutes(30), Duration.ofHours(12), Duration.ofHours(24));
    static final Rule CRITICAL = new Rule("critical", List.of(), List.of(Severity.CRITICAL), SlaClock.CALENDAR,
            Duration.ofMinutes(30), Duration.ofHours(12), Duration.ofHours(24));
    static final Rule ONE_24_48 = new Rule("1-24-48", List.of(), List.of(), SlaClock.CALENDAR, Duration.ofHours(1),
            Duration.ofHours(24), Duration.ofHours(48));
    /** The same promises counted in working hours, as an operator may choose instead. */
    static final Rule ONE_24_48_WORKING = new Rule("1-24-48 working", List.of(), List.of(), SlaClock.WORKING,
            Duration.ofHours(1), Duration.ofHours(24), Duration.ofHours(48));

    static final SlaPolicy SEEDED_POLICY = new SlaPolicy(new WorkingHours(LocalTime.of(9, 0), LocalTime.of(18, 0)),
            AT_RISK_SHARE, List.of(GREEN_CHANNEL, CRITICAL, ONE_24_48));
    static final WorkingCalendar CALENDAR = new WorkingCalendar(autumn2026(), SEEDED_POLICY.workingHours(),
            SHANGHAI);

    private ComplaintMother() {
    }

    static Intake intake(Severity severity, Instant filedAt) {
        return new Intake(CUSTOMER, Channel.HOTLINE, CATEGORY, severity, "空调不制冷", "安装后第二天就不制冷了",
                "13812345678", filedAt.minus(Duration.ofHours(2)));
    }

    /** Filed by an agent under the rule the seeded policy chooses for the customer's tier and the severity. */
    static Filed file(String tier, Severity severity, Instant now) {
        return file(tier, severity, SEEDED_POLICY.ruleFor(tier, severity), now);
    }

    static Filed file(String tier, Severity severity, Rule rule, Instant now) {
        return Complaint.file(intake(severity, now), tier, 1, rule, AT_RISK_SHARE, CALENDAR, "agent-1", null,
                "request-hash", now);
    }

    /** A BASIC customer's MEDIUM complaint: the plain 1-24-48 rule. */
    static Complaint basic(Instant filedAt) {
        return file("BASIC", Severity.MEDIUM, filedAt).complaint();
    }

    /** The same complaint counted in working hours. */
    static Complaint onWorkingHours(Instant filedAt) {
        return file("BASIC", Severity.MEDIUM, ONE_24_48_WORKING, filedAt).complaint();
    }

    static Complaint acknowledged(Instant filedAt, Instant acknowledgedAt) {
        Complaint complaint = basic(filedAt);
        complaint.acknowledge("agent-1", acknowledgedAt);
        return complaint;
    }

    static Complaint resolved(Instant filedAt, Instant resolvedAt) {
        Complaint complaint = acknowledged(filedAt, filedAt.plus(Duration.ofMinutes(20)));
        complaint.resolve("agent-1", resolvedAt);
        return complaint;
    }

    /** Mid-Autumn (25–27 September) and National Day (1–7 October) off; 20 September and 10 October worked. */
    private static Map<LocalDate, Boolean> autumn2026() {
        Map<LocalDate, Boolean> days = new HashMap<>();
        for (int day = 25; day <= 27; day++) {
            days.put(LocalDate.of(2026, 9, day), false);
        }
        for (int day = 1; day <= 7; day++) {
            days.put(LocalDate.of(2026, 10, day), false);
        }
        days.put(LocalDate.of(2026, 9, 20), true);
        days.put(LocalDate.of(2026, 10, 10), true);
        return days;
    }
}
