package io.tiercare.care.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.tiercare.care.domain.CarePlan.Item;
import io.tiercare.chassis.http.Problem.Violation;

class CarePlanTest {

    @Test
    void theDefaultPlanIsValid() {
        assertThat(Plans.DEFAULT.violations()).isEmpty();
    }

    @Test
    void aPlanIsCheckedWholeEveryProblemNamed() {
        CarePlan plan = new CarePlan(null, List.of(Plans.CORE_VISIT,
                new Item("CORE_VISIT", "VALUE", "core", " ", null, CareChannel.PHONE, Cadence.WEEKLY, Owner.SALES, 9,
                        false, null)));
        assertThat(plan.violations()).extracting(Violation::field).containsExactly("escalateAfterWorkingDays",
                "items[1].code", "items[1].tier", "items[1].title", "items[1].kind", "items[1].dueWithinDays",
                "items[1].asksSatisfaction");
        assertThat(plan.violations().get(1).message()).isEqualTo("duplicate item CORE_VISIT");
        assertThat(plan.violations().get(5).message()).startsWith("a WEEKLY task must be due within its period");
    }

    @Test
    void aPlanSelectsTheItemsOfTheCustomersTiers() {
        assertThat(Plans.DEFAULT.itemsFor(java.util.Map.of("VALUE", "IMPORTANT", "VIP", "GOLD")))
                .extracting(Item::code).containsExactly("IMPORTANT_CALL", "IMPORTANT_SURVEY");
    }
}
