package io.tiercare.care.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tiercare.care.domain.CarePlanner.Customer;
import io.tiercare.care.domain.CarePlanner.Occurrence;
import io.tiercare.care.domain.CarePlanner.OpenTask;
import io.tiercare.care.domain.CarePlanner.Replan;

class CarePlannerTest {

    static final UUID ID = UUID.fromString("0b8f3c1e-8d1a-4a43-9d6c-3f0f2b1c9a10");
    /** Monday 23 November 2026. */
    static final LocalDate MONDAY = LocalDate.parse("2026-11-23");

    static Customer customer(String valueTier, String manager) {
        return new Customer(ID, true, valueTier == null ? Map.of() : Map.of("VALUE", valueTier), manager, List.of());
    }

    static Replan replan(Customer customer, Set<String> scheduled, List<OpenTask> open) {
        return CarePlanner.replan(Plans.DEFAULT, customer, scheduled, open, WorkingDays.weekdays(), MONDAY,
                "VALUE tier IMPORTANT → CORE");
    }

    @Test
    void aCoreCustomerGetsAMonthlyVisitAndAYearlyGiftFromTheirAccountManager() {
        Replan plan = replan(customer("CORE", "am-zhao"), Set.of(), List.of());
        assertThat(plan.open()).extracting(o -> o.item().code()).containsExactly("CORE_VISIT", "CORE_GIFT");
        Occurrence visit = plan.open().get(0);
        assertThat(visit.assignee()).isEqualTo("am-zhao");
        assertThat(visit.opensOn()).isEqualTo(MONDAY);
        assertThat(visit.dueOn()).isEqualTo("2026-12-07"); // 10 working days after Monday 23 November
        assertThat(visit.periodEnd()).isEqualTo("2026-12-23"); // the next month's occurrence opens then
        assertThat(visit.explanation())
                .isEqualTo("VALUE CORE: VISIT monthly, due within 10 working days, by the account manager");
        Occurrence gift = plan.open().get(1);
        assertThat(gift.dueOn()).isEqualTo("2026-12-23"); // 30 calendar days
        assertThat(gift.periodEnd()).isEqualTo("2027-11-23");
    }

    @Test
    void aSalesItemHasNoAssigneeWhateverTheAccountManager() {
        Replan plan = replan(customer("POTENTIAL", "am-zhao"), Set.of(), List.of());
        assertThat(plan.open()).singleElement().satisfies(o -> {
            assertThat(o.item().owner()).isEqualTo(Owner.SALES);
            assertThat(o.assignee()).isNull();
        });
    }

    @Test
    void aCustomerWithoutATierOrNotRegisteredGetsNothing() {
        assertThat(replan(customer(null, "am-zhao"), Set.of(), List.of()).changesNothing()).isTrue();
        Customer unregistered = new Customer(ID, false, Map.of("VALUE", "CORE"), "am-zhao", List.of());
        assertThat(replan(unregistered, Set.of(), List.of()).changesNothing()).isTrue();
    }

    @Test
    void anUpgradeCancelsTheOldTiersOpenTasksKeepsNothingOfThemAndOpensTheNewOnes() {
        UUID call = UUID.randomUUID();
        UUID survey = UUID.randomUUID();
        Replan plan = replan(customer("CORE", "am-zhao"), Set.of("IMPORTANT_CALL", "IMPORTANT_SURVEY"),
                List.of(new OpenTask(call, "IMPORTANT_CALL", "am-zhao", false, LocalDate.parse("2026-12-01")),
                        new OpenTask(survey, "IMPORTANT_SURVEY", "am-zhao", false, LocalDate.parse("2027-01-10"))));
        assertThat(plan.cancel()).extracting(CarePlanner.Cancel::taskId).containsExactly(call, survey);
        assertThat(plan.cancel().get(0).reason())
                .isEqualTo("VALUE tier IMPORTANT → CORE: the plan does not ask for IMPORTANT_CALL");
        assertThat(plan.unscheduled()).containsExactly("IMPORTANT_CALL", "IMPORTANT_SURVEY");
        assertThat(plan.open()).extracting(o -> o.item().code()).containsExactly("CORE_VISIT", "CORE_GIFT");
    }

    @Test
    void whatThePlanStillAsksForIsKeptNeverDuplicated() {
        UUID visit = UUID.randomUUID();
        Replan plan = replan(customer("CORE", "am-zhao"), Set.of("CORE_VISIT", "CORE_GIFT"),
                List.of(new OpenTask(visit, "CORE_VISIT", "am-zhao", false, LocalDate.parse("2026-12-15"))));
        assertThat(plan.changesNothing()).isTrue();
        assertThat(plan.kept()).containsExactly("CORE_VISIT", "CORE_GIFT");
    }

    @Test
    void theSameInputsPlanTheSameTasks() {
        Customer core = customer("CORE", "am-zhao");
        assertThat(replan(core, Set.of(), List.of())).isEqualTo(replan(core, Set.of(), List.of()));
    }

    @Test
    void anOpenTaskOfAnItemNoLongerScheduledIsAdoptedNotDuplicated() {
        Replan plan = replan(customer("CORE", "am-zhao"), Set.of("CORE_GIFT"), List.of(
                new OpenTask(UUID.randomUUID(), "CORE_VISIT", "am-zhao", false, LocalDate.parse("2026-12-10"))));
        assertThat(plan.open()).isEmpty();
        assertThat(plan.adopted()).containsExactlyEntriesOf(Map.of("CORE_VISIT", LocalDate.parse("2026-12-10")));
    }

    @Test
    void aNewAccountManagerTakesOverTheOpenTasksExceptThoseReassignedByHand() {
        UUID visit = UUID.randomUUID();
        UUID gift = UUID.randomUUID();
        Replan plan = replan(customer("CORE", "am-qian"), Set.of("CORE_VISIT", "CORE_GIFT"), List.of(
                new OpenTask(visit, "CORE_VISIT", "am-zhao", false, LocalDate.parse("2026-12-23")),
                new OpenTask(gift, "CORE_GIFT", "am-sun", true, LocalDate.parse("2027-11-23"))));
        assertThat(plan.reassign()).singleElement().satisfies(r -> {
            assertThat(r.taskId()).isEqualTo(visit);
            assertThat(r.from()).isEqualTo("am-zhao");
            assertThat(r.to()).isEqualTo("am-qian");
        });
        assertThat(plan.cancel()).isEmpty();
    }

    @Test
    void anEventsTaskIsNeitherKeptNorCancelledByThePlanButFollowsTheNewAccountManager() {
        UUID gift = UUID.randomUUID();
        UUID followUp = UUID.randomUUID();
        Replan plan = replan(customer("BASIC", "am-qian"), Set.of("BASIC_MESSAGE"), List.of(
                new OpenTask(gift, "WELCOME_GIFT", "am-zhao", false, LocalDate.parse("2026-12-05"),
                        "WELCOME_GIFT:MEMBERSHIP:VIP:2026-11-22T07:00:00Z"),
                new OpenTask(followUp, "COMPLAINT_FOLLOW_UP", "am-sun", true, LocalDate.parse("2026-11-30"),
                        "COMPLAINT_FOLLOW_UP:c-1")));
        assertThat(plan.cancel()).isEmpty();
        assertThat(plan.open()).isEmpty();
        assertThat(plan.adopted()).isEmpty();
        assertThat(plan.reassign()).singleElement().satisfies(r -> {
            assertThat(r.taskId()).isEqualTo(gift);
            assertThat(r.from()).isEqualTo("am-zhao");
            assertThat(r.to()).isEqualTo("am-qian");
        });
    }

    @Test
    void aMergedOrErasedCustomerHasEveryOpenTaskCancelled() {
        Customer gone = new Customer(ID, false, Map.of("VALUE", "CORE"), "am-zhao", List.of());
        UUID visit = UUID.randomUUID();
        Replan plan = CarePlanner.replan(Plans.DEFAULT, gone, Set.of("CORE_VISIT"),
                List.of(new OpenTask(visit, "CORE_VISIT", "am-zhao", false, LocalDate.parse("2026-12-23"))),
                WorkingDays.weekdays(), MONDAY, "customer erased");
        assertThat(plan.cancel()).extracting(CarePlanner.Cancel::taskId).containsExactly(visit);
        assertThat(plan.unscheduled()).containsExactly("CORE_VISIT");
        assertThat(plan.open()).isEmpty();
    }

    @Test
    void aCustomerWhoPrefersWeekendsGetsADueDateOnAWeekend() {
        Customer weekends = new Customer(ID, true, Map.of("VALUE", "CORE"), "am-zhao", List.of(new ContactWindow(
                Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), LocalTime.of(10, 0), LocalTime.of(18, 0))));
        Occurrence visit = CarePlanner.occurrence(Plans.CORE_VISIT, weekends, MONDAY, WorkingDays.weekdays());
        // due Monday 7 December by working days; the latest weekend day before it is Sunday 6 December
        assertThat(visit.dueOn()).isEqualTo("2026-12-06");
        assertThat(visit.dueOn().getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(visit.explanation()).endsWith("moved from 2026-12-07 to 2026-12-06 (SUNDAY), the customer's "
                + "contact window");
    }

    @Test
    void aWindowDayAfterTheDueDateIsTakenWhenNoneComesBefore() {
        Customer fridays = new Customer(ID, true, Map.of("VALUE", "BASIC"), null, List.of(new ContactWindow(
                Set.of(DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(12, 0))));
        // BASIC_MESSAGE: 3 working days from Monday = Thursday 26 November; no Friday between Monday and Thursday
        Occurrence message = CarePlanner.occurrence(Plans.BASIC_MESSAGE, fridays, MONDAY, WorkingDays.weekdays());
        assertThat(message.dueOn()).isEqualTo("2026-11-27");
    }

    @Test
    void theSpringFestivalWeekPushesAWorkingDayDueDate() {
        // IMPORTANT_CALL opened Friday 5 February 2027: 5 working days = 6 Feb (调休 Saturday), 15, 16, 17, 18
        Occurrence call = CarePlanner.occurrence(Plans.IMPORTANT_CALL, customer("IMPORTANT", "am-zhao"),
                LocalDate.parse("2027-02-05"), WorkingDaysTest.SPRING_FESTIVAL_2027);
        assertThat(call.dueOn()).isEqualTo("2027-02-18");
        assertThat(call.periodEnd()).isEqualTo("2027-02-19");
    }

    @Test
    void aDueDateNeverFallsAfterItsPeriod() {
        // IMPORTANT_CALL opened Friday 5 February 2027 on a calendar where the whole next fortnight is a holiday
        WorkingDays longBreak = new WorkingDays(java.util.stream.IntStream.range(6, 28).boxed().collect(
                java.util.stream.Collectors.toMap(d -> LocalDate.of(2027, 2, d), d -> false)));
        Occurrence call = CarePlanner.occurrence(Plans.IMPORTANT_CALL, customer("IMPORTANT", "am-zhao"),
                LocalDate.parse("2027-02-05"), longBreak);
        assertThat(call.dueOn()).isEqualTo("2027-02-18"); // the last day before the next occurrence opens
        assertThat(call.explanation()).contains("the last day of its period");
    }
}
