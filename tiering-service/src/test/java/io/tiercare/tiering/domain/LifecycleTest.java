package io.tiercare.tiering.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tiercare.tiering.domain.CustomerMetrics.ComplaintFact;
import io.tiercare.tiering.domain.CustomerMetrics.MonthSpend;

/**
 * The seven lifecycle stages (domain.md §3, seed 001) as time passes over one customer's facts: the same facts give
 * another stage on a later day, which is how silence alone moves a customer.
 */
class LifecycleTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant REGISTERED = Instant.parse("2025-12-01T02:00:00Z");

    static String stageOn(CustomerMetrics facts, String day) {
        return Evaluator.evaluate(DefaultPolicies.LIFECYCLE, facts.valuesOn(LocalDate.parse(day), SHANGHAI)).tier();
    }

    /** Registered on 1 December 2025, one purchase on 10 January 2026, nothing since. */
    static CustomerMetrics oneTimeBuyer() {
        Instant bought = Instant.parse("2026-01-10T02:00:00Z");
        return new CustomerMetrics(UUID.randomUUID(), REGISTERED, false, 0, 0, bought, bought,
                List.of(new MonthSpend(YearMonth.of(2026, 1), 1, new BigDecimal("8000.00"), BigDecimal.ZERO)),
                List.of(), List.of());
    }

    @Test
    void aBuyerIsNewForNinetyDaysThenActive() {
        assertThat(stageOn(oneTimeBuyer(), "2026-01-20")).isEqualTo("NEW");
        assertThat(stageOn(oneTimeBuyer(), "2026-02-28")).as("day 89").isEqualTo("NEW");
        assertThat(stageOn(oneTimeBuyer(), "2026-03-01")).as("day 90").isEqualTo("ACTIVE");
    }

    @Test
    void aBuyerWhoStopsBuyingIsAtRiskAfterNinetyDaysSilentAfter180AndChurnedAfterAYear() {
        assertThat(stageOn(oneTimeBuyer(), "2026-04-09")).as("89 days since the purchase").isEqualTo("ACTIVE");
        assertThat(stageOn(oneTimeBuyer(), "2026-04-10")).isEqualTo("AT_RISK");
        assertThat(stageOn(oneTimeBuyer(), "2026-07-09")).isEqualTo("SILENT");
        assertThat(stageOn(oneTimeBuyer(), "2027-01-09")).as("364 days").isEqualTo("SILENT");
        assertThat(stageOn(oneTimeBuyer(), "2027-01-10")).isEqualTo("CHURNED");
    }

    @Test
    void aCustomerWhoBuysThreeTimesAYearAfterAYearWithUsIsLoyal() {
        Instant last = Instant.parse("2026-11-15T02:00:00Z");
        CustomerMetrics regular = new CustomerMetrics(UUID.randomUUID(), Instant.parse("2025-06-01T02:00:00Z"),
                false, 0, 0, Instant.parse("2025-06-10T02:00:00Z"), last, List.of(
                        new MonthSpend(YearMonth.of(2026, 2), 1, new BigDecimal("6000.00"), BigDecimal.ZERO),
                        new MonthSpend(YearMonth.of(2026, 7), 1, new BigDecimal("6000.00"), BigDecimal.ZERO),
                        new MonthSpend(YearMonth.of(2026, 11), 1, new BigDecimal("6000.00"), BigDecimal.ZERO)),
                List.of(), List.of());
        assertThat(stageOn(regular, "2026-11-22")).isEqualTo("LOYAL");
    }

    @Test
    void anOpenComplaintOrALowRatingMakesACustomerDissatisfied() {
        CustomerMetrics b = oneTimeBuyer();
        CustomerMetrics complaining = new CustomerMetrics(b.customerId(), REGISTERED, false, 0, 0,
                b.firstPurchaseAt(), b.lastPurchaseAt(), b.months(),
                List.of(new ComplaintFact(Instant.parse("2026-03-01T02:00:00Z"), true, "LOW", null)), List.of());
        assertThat(stageOn(complaining, "2026-03-05")).isEqualTo("DISSATISFIED");

        CustomerMetrics unhappy = new CustomerMetrics(b.customerId(), REGISTERED, false, 0, 0,
                b.firstPurchaseAt(), b.lastPurchaseAt(), b.months(),
                List.of(new ComplaintFact(Instant.parse("2026-02-01T02:00:00Z"), false, "LOW", 2)), List.of());
        assertThat(stageOn(unhappy, "2026-03-05")).as("resolved, but rated 2 of 5").isEqualTo("DISSATISFIED");
    }

    @Test
    void onlyACustomerWhoHasBoughtCanChurnALongRegisteredProspectIsSilent() {
        CustomerMetrics prospect = new CustomerMetrics(UUID.randomUUID(), Instant.parse("2024-10-01T02:00:00Z"),
                false, 3, 0, null, null, List.of(), List.of(), List.of());
        assertThat(stageOn(prospect, "2024-11-01")).isEqualTo("NEW");
        assertThat(stageOn(prospect, "2026-11-22")).isEqualTo("SILENT");
    }
}
