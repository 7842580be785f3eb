package io.tiercare.care.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tiercare.care.domain.event.TaskEvent;
import io.tiercare.care.domain.event.TaskEvent.Change;
import io.tiercare.chassis.problem.ConflictException;
import io.tiercare.chassis.problem.InvalidInputException;

class CareTaskTest {

    static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-11-23");
    static final UUID CUSTOMER = UUID.fromString("0b8f3c1e-8d1a-4a43-9d6c-3f0f2b1c9a10");

    static CareTask visit() {
        return task(Plans.CORE_VISIT, "am-zhao");
    }

    static CareTask task(CarePlan.Item item, String manager) {
        CarePlanner.Customer customer = new CarePlanner.Customer(CUSTOMER, true,
                java.util.Map.of(item.scheme(), item.tier()), manager, java.util.List.of());
        return CareTask.open(CUSTOMER, CarePlanner.occurrence(item, customer, TODAY, WorkingDays.weekdays()), 1, NOW)
                .task();
    }

    @Test
    void openingATaskSchedulesItAndSaysWhy() {
        CareTask.Scheduled scheduled = CareTask.open(CUSTOMER, CarePlanner.occurrence(Plans.CORE_VISIT,
                new CarePlanner.Customer(CUSTOMER, true, java.util.Map.of("VALUE", "CORE"), "am-zhao",
                        java.util.List.of()), TODAY, WorkingDays.weekdays()), 1, NOW);
        assertThat(scheduled.task().status()).isEqualTo(TaskStatus.SCHEDULED);
        TaskEvent event = scheduled.event();
        assertThat(event.change()).isEqualTo(Change.SCHEDULED);
        assertThat(event.assignee()).isEqualTo("am-zhao");
        assertThat(event.dueOn()).isEqualTo("2026-12-07");
        assertThat(event.details().periodEnd()).isEqualTo("2026-12-23");
        assertThat(event.details().explanation()).startsWith("VALUE CORE: VISIT monthly");
    }

    @Test
    void completingRecordsTheOutcomeAndTheSatisfactionAndWhetherItWasOnTime() {
        CareTask task = visit();
        task.start(NOW);
        CareTask.Completed done = task.complete(Outcome.REACHED, 5, "客户满意", null, "am-zhao",
                LocalDate.parse("2026-12-08"), NOW);
        assertThat(task.status()).isEqualTo(TaskStatus.DONE);
        assertThat(done.event().details().outcome()).isEqualTo("REACHED");
        assertThat(done.event().details().satisfaction()).isEqualTo(5);
        assertThat(done.event().details().onTime()).isFalse(); // due 7 December, done the 8th
        assertThat(done.followUp()).isNull();
    }

    @Test
    void aReachedCustomerMustGiveTheScoreTheItemAsksFor() {
        assertThatThrownBy(() -> visit().complete(Outcome.REACHED, null, null, null, "am-zhao", TODAY, NOW))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("satisfaction: is required (1–5)");
        assertThatThrownBy(() -> visit().complete(Outcome.REACHED, 6, null, null, "am-zhao", TODAY, NOW))
                .hasMessageContaining("satisfaction: must be 1–5");
        CareTask gift = task(Plans.CORE_GIFT, "am-zhao");
        assertThatThrownBy(() -> gift.complete(Outcome.REACHED, 4, null, null, "am-zhao", TODAY, NOW))
                .hasMessageContaining("item CORE_GIFT asks for no satisfaction score");
        assertThat(gift.status()).isEqualTo(TaskStatus.SCHEDULED);
    }

    @Test
    void everyProblemOfACompletionIsNamedAtOnce() {
        assertThatThrownBy(() -> visit().complete(null, 9, "x".repeat(2001), null, "am-zhao", TODAY, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).containsExactly("outcome", "satisfaction", "notes"));
    }

    @Test
    void noAnswerWithAFollowUpDayOpensASecondAttemptOfTheSameOccurrence() {
        CareTask task = visit();
        CareTask.Completed done = task.complete(Outcome.NO_ANSWER, null, null, LocalDate.parse("2026-11-26"),
                "am-zhao", TODAY, NOW);
        CareTask followUp = done.followUp().task();
        assertThat(followUp.itemCode()).isEqualTo("CORE_VISIT");
        assertThat(followUp.attempt()).isEqualTo(2);
        assertThat(followUp.dueOn()).isEqualTo("2026-11-26");
        assertThat(followUp.periodEnd()).isEqualTo(task.periodEnd());
        assertThat(followUp.status()).isEqualTo(TaskStatus.SCHEDULED);
        assertThatThrownBy(() -> visit().complete(Outcome.NO_ANSWER, null, null, LocalDate.parse("2026-12-23"),
                "am-zhao", TODAY, NOW)).hasMessageContaining("followUpOn: must be from 2026-11-23 to 2026-12-22");
    }

    @Test
    void aFinishedTaskAllowsNothingAndSaysSo() {
        CareTask task = visit();
        task.skip("客户出国", "am-zhao", NOW);
        assertThatThrownBy(() -> task.start(NOW)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("cannot start task " + task.id() + " while it is SKIPPED (allowed now: none)");
    }

    @Test
    void aStartedTaskCannotBeStartedAgain() {
        CareTask task = visit();
        task.start(NOW);
        assertThatThrownBy(() -> task.start(NOW)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("allowed now: [complete, reassign, reschedule, skip]");
    }

    @Test
    void reschedulingMovesTheDueDateWithinThePeriodAndRestartsTheOverdueWatch() {
        CareTask task = visit();
        task.markOverdue(NOW);
        TaskEvent moved = task.reschedule(LocalDate.parse("2026-12-18"), "客户出差", "am-zhao", TODAY, NOW);
        assertThat(task.dueOn()).isEqualTo("2026-12-18");
        assertThat(task.overdueAt()).isNull();
        assertThat(moved.details().previousDueOn()).isEqualTo("2026-12-07");
        assertThatThrownBy(() -> task.reschedule(LocalDate.parse("2026-12-23"), "later", "am-zhao", TODAY, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("dueOn"))
                .hasMessageContaining("must be from 2026-11-23 to 2026-12-22");
        assertThatThrownBy(() -> task.reschedule(LocalDate.parse("2026-12-20"), " ", "am-zhao", TODAY, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("reason"));
    }

    @Test
    void overdueAndEscalationHappenOnceEach() {
        CareTask task = visit();
        assertThatThrownBy(() -> task.escalate(NOW)).isInstanceOf(ConflictException.class);
        assertThat(task.markOverdue(NOW).change()).isEqualTo(Change.OVERDUE);
        assertThatThrownBy(() -> task.markOverdue(NOW)).isInstanceOf(ConflictException.class);
        TaskEvent escalated = task.escalate(NOW);
        assertThat(escalated.details().escalatedTo()).isEqualTo("SUPERVISOR");
        assertThatThrownBy(() -> task.escalate(NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aTaskOpenAtTheEndOfItsPeriodIsMissed() {
        CareTask task = visit();
        TaskEvent missed = task.miss(NOW);
        assertThat(task.status()).isEqualTo(TaskStatus.MISSED);
        assertThat(missed.details().periodEnd()).isEqualTo("2026-12-23");
    }

    @Test
    void reassigningByHandPinsTheTask() {
        CareTask task = visit();
        TaskEvent event = task.reassign("am-sun", NOW);
        assertThat(task.assignee()).isEqualTo("am-sun");
        assertThat(task.pinned()).isTrue();
        assertThat(event.details().previousAssignee()).isEqualTo("am-zhao");
    }

    @Test
    void erasureForgetsWhatPeopleWroteButKeepsTheFacts() {
        CareTask task = visit();
        task.complete(Outcome.REACHED, 4, "手机 13812341234", null, "am-zhao", TODAY, NOW);
        task.forget();
        assertThat(task.notes()).isNull();
        assertThat(task.outcome()).isEqualTo(Outcome.REACHED);
        assertThat(task.satisfaction()).isEqualTo(4);
    }
}
