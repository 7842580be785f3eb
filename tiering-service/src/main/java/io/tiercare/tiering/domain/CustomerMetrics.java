package io.tiercare.tiering.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.tiercare.chassis.time.TrailingMonths;

/**
 * What the projection holds about one customer, and the catalogue's metric values it yields on a given day. The
 * same facts give different values on different days (months age out, days pass): that is how time alone changes a
 * tier.
 */
public record CustomerMetrics(UUID customerId, Instant registeredAt, boolean usesCompetitor, int inquiriesTotal,
        int referrals, Instant firstPurchaseAt, Instant lastPurchaseAt, List<MonthSpend> months,
        List<ComplaintFact> complaints, List<CareContact> careContacts) {

    /** Severities whose open complaints hold a downgrade and count as severe. */
    public static final Set<String> SEVERE = Set.of("HIGH", "CRITICAL");

    public record MonthSpend(YearMonth month, int purchases, BigDecimal gross, BigDecimal refunded) {
        BigDecimal net() {
            return gross.subtract(refunded);
        }
    }

    public record ComplaintFact(Instant filedAt, boolean open, String severity, Integer rating) {
    }

    /** A care task completed (care-service): when, its outcome (REACHED…), the satisfaction given if any. */
    public record CareContact(Instant completedAt, String outcome, Integer satisfaction) {
    }

    public Map<Metric, BigDecimal> valuesOn(LocalDate day, ZoneId zone) {
        Map<Metric, BigDecimal> v = new EnumMap<>(Metric.class);
        YearMonth current = YearMonth.from(day);
        TrailingMonths year = TrailingMonths.of(day, 12);
        BigDecimal spend12 = spend(year.first(), current);
        BigDecimal last6 = spend(TrailingMonths.of(day, 6).first(), current);
        BigDecimal previous6 = spend(year.first(), TrailingMonths.of(day, 6).first().minusMonths(1));
        int purchases12 = months.stream().filter(m -> year.contains(m.month())).mapToInt(MonthSpend::purchases).sum();
        int purchasesTotal = months.stream().filter(m -> !m.month().isAfter(current)).mapToInt(MonthSpend::purchases)
                .sum();
        v.put(Metric.SPEND_12M, spend12);
        v.put(Metric.SPEND_TOTAL, spend(YearMonth.of(1900, 1), current));
        v.put(Metric.SPEND_LAST_6M, last6);
        v.put(Metric.SPEND_PREVIOUS_6M, previous6);
        if (previous6.signum() > 0) {
            v.put(Metric.SPEND_TREND_6M, last6.divide(previous6, 4, RoundingMode.HALF_UP));
        }
        v.put(Metric.PURCHASES_12M, BigDecimal.valueOf(purchases12));
        v.put(Metric.PURCHASES_TOTAL, BigDecimal.valueOf(purchasesTotal));
        v.put(Metric.REPEAT_PURCHASES_12M, BigDecimal.valueOf(Math.max(purchases12 - 1, 0)));
        if (purchases12 > 0) {
            v.put(Metric.AVERAGE_ORDER_VALUE_12M,
                    spend12.divide(BigDecimal.valueOf(purchases12), 2, RoundingMode.HALF_UP));
        }
        Instant lastActivity = lastPurchaseAt != null ? lastPurchaseAt : registeredAt;
        if (lastActivity != null) {
            v.put(Metric.DAYS_SINCE_LAST_PURCHASE, days(lastActivity, day, zone));
        }
        if (firstPurchaseAt != null) {
            v.put(Metric.DAYS_SINCE_FIRST_PURCHASE, days(firstPurchaseAt, day, zone));
        }
        if (registeredAt != null) {
            v.put(Metric.TENURE_DAYS, days(registeredAt, day, zone));
        }
        v.put(Metric.INQUIRIES_TOTAL, BigDecimal.valueOf(inquiriesTotal));
        v.put(Metric.COMPLAINTS_12M, BigDecimal.valueOf(complaints.stream()
                .filter(c -> year.contains(c.filedAt().atZone(zone).toLocalDate())).count()));
        v.put(Metric.OPEN_COMPLAINTS, BigDecimal.valueOf(complaints.stream().filter(ComplaintFact::open).count()));
        v.put(Metric.SEVERE_OPEN_COMPLAINTS, BigDecimal.valueOf(complaints.stream()
                .filter(c -> c.open() && c.severity() != null && SEVERE.contains(c.severity())).count()));
        List<Integer> ratings = complaints.stream().map(ComplaintFact::rating).filter(r -> r != null).toList();
        v.put(Metric.RATINGS, BigDecimal.valueOf(ratings.size()));
        if (!ratings.isEmpty()) {
            v.put(Metric.AVERAGE_RATING, BigDecimal.valueOf(ratings.stream().mapToInt(Integer::intValue).sum())
                    .divide(BigDecimal.valueOf(ratings.size()), 2, RoundingMode.HALF_UP));
        }
        List<CareContact> recentCare = careContacts.stream()
                .filter(c -> year.contains(c.completedAt().atZone(zone).toLocalDate())).toList();
        v.put(Metric.CARE_CONTACTS_12M, BigDecimal.valueOf(recentCare.stream()
                .filter(c -> "REACHED".equals(c.outcome())).count()));
        List<Integer> careScores = recentCare.stream().map(CareContact::satisfaction).filter(s -> s != null)
                .toList();
        if (!careScores.isEmpty()) {
            v.put(Metric.CARE_SATISFACTION_12M, BigDecimal.valueOf(careScores.stream().mapToInt(Integer::intValue)
                    .sum()).divide(BigDecimal.valueOf(careScores.size()), 2, RoundingMode.HALF_UP));
        }
        v.put(Metric.REFERRALS, BigDecimal.valueOf(referrals));
        v.put(Metric.USES_COMPETITOR, usesCompetitor ? BigDecimal.ONE : BigDecimal.ZERO);
        return v;
    }

    /** The month whose spend ages out first from the trailing 12 months seen on {@code day}, if any counts. */
    public YearMonth oldestCountedMonth(LocalDate day) {
        TrailingMonths year = TrailingMonths.of(day, 12);
        return months.stream().map(MonthSpend::month).filter(year::contains)
                .filter(m -> months.stream().anyMatch(s -> s.month().equals(m) && s.net().signum() != 0))
                .min(YearMonth::compareTo).orElse(null);
    }

    private BigDecimal spend(YearMonth from, YearMonth to) {
        return months.stream().filter(m -> within(m.month(), from, to)).map(MonthSpend::net)
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
    }

    private static boolean within(YearMonth month, YearMonth from, YearMonth to) {
        return !month.isBefore(from) && !month.isAfter(to);
    }

    private static BigDecimal days(Instant from, LocalDate day, ZoneId zone) {
        return BigDecimal.valueOf(Math.max(0, ChronoUnit.DAYS.between(from.atZone(zone).toLocalDate(), day)));
    }
}
