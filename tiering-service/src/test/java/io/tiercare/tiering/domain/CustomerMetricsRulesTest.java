package io.tiercare.tiering.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tiercare.tiering.domain.CustomerMetrics.ComplaintFact;
import io.tiercare.tiering.domain.CustomerMetrics.MonthSpend;

/** The metric values the tier rules test (domain.md §3), as the projection's facts yield them on a given day. */
class CustomerMetricsRulesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.parse("2026-11-30");
    private static final UUID CUSTOMER = UUID.fromString("01937a2e-5c4b-7d10-8a2b-3c4d5e6f7a84");
    private static final Instant REGISTERED = Instant.parse("2026-06-01T02:00:00Z");

    @Test
    void valueTiersSeeTheNetSpendOfTheCurrentMonthAndTheElevenBeforeIt() {
        CustomerMetrics metrics = spending(
                month("2025-11", 1, "10000.00", "0.00"), // twelve months back: aged out
                month("2025-12", 2, "50000.00", "20000.00"), // a refund comes off its purchase's month
                month("2026-11", 1, "5000.50", "0.00"),
                month("2026-12", 1, "700.00", "0.00")); // not yet

        Map<Metric, BigDecimal> today = metrics.valuesOn(DAY, SHANGHAI);

        assertThat(today.get(Metric.SPEND_12M)).isEqualTo(new BigDecimal("35000.50"));
        assertThat(today.get(Metric.SPEND_TOTAL)).isEqualTo(new BigDecimal("45000.50"));
        assertThat(today.get(Metric.PURCHASES_12M)).isEqualByComparingTo("3");
        assertThat(today.get(Metric.PURCHASES_TOTAL)).isEqualByComparingTo("4");
        assertThat(today.get(Metric.REPEAT_PURCHASES_12M)).as("the purchases after the first")
                .isEqualByComparingTo("2");
        assertThat(today.get(Metric.AVERAGE_ORDER_VALUE_12M)).isEqualTo(new BigDecimal("11666.83"));

        Map<Metric, BigDecimal> nextMonth = metrics.valuesOn(DAY.plusDays(1), SHANGHAI);
        assertThat(nextMonth.get(Metric.SPEND_12M)).as("December 2025 has aged out, December 2026 counts")
                .isEqualTo(new BigDecimal("5700.50"));
    }

    @Test
    void spendTrendComparesTheLastSixMonthsWithTheSixBeforeThem() {
        Map<Metric, BigDecimal> falling = spending(
                month("2025-12", 1, "30000.00", "0.00"),
                month("2026-05", 1, "10000.00", "0.00"),
                month("2026-06", 1, "10000.00", "0.00")).valuesOn(DAY, SHANGHAI);

        assertThat(falling.get(Metric.SPEND_PREVIOUS_6M)).isEqualByComparingTo("40000.00");
        assertThat(falling.get(Metric.SPEND_LAST_6M)).isEqualByComparingTo("10000.00");
        assertThat(falling.get(Metric.SPEND_TREND_6M)).isEqualTo(new BigDecimal("0.2500"));

        Map<Metric, BigDecimal> refundedEarlier = spending(
                month("2026-01", 1, "5000.00", "5000.00"),
                month("2026-09", 1, "10000.00", "0.00")).valuesOn(DAY, SHANGHAI);
        assertThat(refundedEarlier).as("nothing to compare with").doesNotContainKey(Metric.SPEND_TREND_6M);
    }

    @Test
    void daysSinceTheLastPurchaseCountFromRegistrationUntilThereIsOneAndInTheBusinessTimeZone() {
        Map<Metric, BigDecimal> prospect = spending().valuesOn(DAY, SHANGHAI);

        assertThat(prospect.get(Metric.DAYS_SINCE_LAST_PURCHASE)).isEqualByComparingTo("182");
        assertThat(prospect.get(Metric.TENURE_DAYS)).isEqualByComparingTo("182");
        assertThat(prospect).doesNotContainKeys(Metric.DAYS_SINCE_FIRST_PURCHASE, Metric.AVERAGE_ORDER_VALUE_12M);
        assertThat(prospect.get(Metric.REPEAT_PURCHASES_12M)).isEqualByComparingTo("0");

        Map<Metric, BigDecimal> buyer = new CustomerMetrics(CUSTOMER, REGISTERED, true, 0, 2,
                Instant.parse("2026-07-01T02:00:00Z"),
                Instant.parse("2026-11-29T17:00:00Z"), // 01:00 on 30 November in Shanghai
                List.of(month("2026-07", 1, "800.00", "0.00"), month("2026-11", 1, "1200.00", "0.00")), List.of(),
                List.of()).valuesOn(DAY, SHANGHAI);
        assertThat(buyer.get(Metric.DAYS_SINCE_LAST_PURCHASE)).as("bought today, Shanghai time")
                .isEqualByComparingTo("0");
        assertThat(buyer.get(Metric.DAYS_SINCE_FIRST_PURCHASE)).isEqualByComparingTo("152");
        assertThat(buyer.get(Metric.USES_COMPETITOR)).isEqualByComparingTo("1");
        assertThat(buyer.get(Metric.REFERRALS)).isEqualByComparingTo("2");
    }

    @Test
    void complaintsCountInTheTrailingTwelveMonthsWhileOpenOnesAndRatingsCountWhateverTheirAge() {
        Map<Metric, BigDecimal> v = complaining(
                new ComplaintFact(Instant.parse("2025-11-30T15:59:59Z"), false, "LOW", 1), // 30 Nov, 23:59 local
                new ComplaintFact(Instant.parse("2025-11-30T16:00:00Z"), false, "MEDIUM", 4), // 1 Dec, 00:00
                new ComplaintFact(Instant.parse("2026-05-10T02:00:00Z"), true, "HIGH", null),
                new ComplaintFact(Instant.parse("2026-11-20T02:00:00Z"), true, "LOW", null),
                new ComplaintFact(Instant.parse("2024-03-01T02:00:00Z"), true, "CRITICAL", null))
                .valuesOn(DAY, SHANGHAI);

        assertThat(v.get(Metric.COMPLAINTS_12M)).isEqualByComparingTo("3");
        assertThat(v.get(Metric.OPEN_COMPLAINTS)).isEqualByComparingTo("3");
        assertThat(v.get(Metric.SEVERE_OPEN_COMPLAINTS)).as("HIGH and CRITICAL").isEqualByComparingTo("2");
        assertThat(v.get(Metric.RATINGS)).isEqualByComparingTo("2");
        assertThat(v.get(Metric.AVERAGE_RATING)).isEqualTo(new BigDecimal("2.50"));
    }

    @Test
    void theOldestMonthStillCountedIsTheFirstSpendToAgeOut() {
        CustomerMetrics metrics = spending(
                month("2025-11", 1, "90000.00", "0.00"), // already aged out
                month("2025-12", 1, "3000.00", "3000.00"), // refunded in full: nothing to age out
                month("2026-02", 1, "500.00", "0.00"),
                month("2026-06", 1, "1000.00", "0.00"));

        assertThat(metrics.oldestCountedMonth(DAY)).isEqualTo(YearMonth.of(2026, 2));
        assertThat(metrics.oldestCountedMonth(LocalDate.parse("2027-07-01"))).isNull();
    }

    private static CustomerMetrics spending(MonthSpend... months) {
        return new CustomerMetrics(CUSTOMER, REGISTERED, false, 0, 0, null, null, List.of(months), List.of(),
                List.of());
    }

    private static CustomerMetrics complaining(ComplaintFact... complaints) {
        return new CustomerMetrics(CUSTOMER, REGISTERED, false, 0, 0, null, null, List.of(), List.of(complaints),
                List.of());
    }

    private static MonthSpend month(String month, int purchases, String gross, String refunded) {
        return new MonthSpend(YearMonth.parse(month), purchases, new BigDecimal(gross), new BigDecimal(refunded));
    }
}
