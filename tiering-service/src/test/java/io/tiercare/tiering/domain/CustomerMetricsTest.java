package io.tiercare.tiering.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tiercare.tiering.domain.CustomerMetrics.CareContact;

class CustomerMetricsTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate DAY = LocalDate.parse("2026-11-30");

    static Map<Metric, BigDecimal> values(List<CareContact> care) {
        return new CustomerMetrics(UUID.randomUUID(), Instant.parse("2025-01-01T00:00:00Z"), false, 0, 0, null, null,
                List.of(), List.of(), care).valuesOn(DAY, SHANGHAI);
    }

    @Test
    void serviceContributionCountsTheCareContactsThatReachedTheCustomerInTwelveMonths() {
        Map<Metric, BigDecimal> v = values(List.of(
                new CareContact(Instant.parse("2026-11-20T02:00:00Z"), "REACHED", 5),
                new CareContact(Instant.parse("2026-06-01T02:00:00Z"), "REACHED", 4),
                new CareContact(Instant.parse("2026-10-01T02:00:00Z"), "NO_ANSWER", null),
                new CareContact(Instant.parse("2025-10-01T02:00:00Z"), "REACHED", 1))); // older than a year
        assertThat(v.get(Metric.CARE_CONTACTS_12M)).isEqualByComparingTo("2");
        assertThat(v.get(Metric.CARE_SATISFACTION_12M)).isEqualByComparingTo("4.50");
    }

    @Test
    void withoutAScoreThereIsNoSatisfactionValue() {
        Map<Metric, BigDecimal> v = values(List.of(new CareContact(Instant.parse("2026-11-20T02:00:00Z"), "DECLINED",
                null)));
        assertThat(v.get(Metric.CARE_CONTACTS_12M)).isEqualByComparingTo("0");
        assertThat(v).doesNotContainKey(Metric.CARE_SATISFACTION_12M);
    }
}
