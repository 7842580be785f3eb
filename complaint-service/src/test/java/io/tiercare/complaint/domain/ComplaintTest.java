package io.tiercare.complaint.domain;

import static io.tiercare.complaint.domain.ComplaintMother.AT_RISK_SHARE;
import static io.tiercare.complaint.domain.ComplaintMother.CALENDAR;
import static io.tiercare.complaint.domain.ComplaintMother.CATEGORY;
import static io.tiercare.complaint.domain.ComplaintMother.CUSTOMER;
import static io.tiercare.complaint.domain.MilestoneKind.ACKNOWLEDGE;
import static io.tiercare.complaint.domain.MilestoneKind.PLAN;
import static io.tiercare.complaint.domain.MilestoneKind.RESOLVE;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tiercare.chassis.problem.ConflictException;
import io.tiercare.complaint.domain.Complaint.Filed;
import io.tiercare.complaint.domain.event.ComplaintFiled;
import io.tiercare.complaint.domain.event.ComplaintProgressed;
import io.tiercare.complaint.domain.event.ComplaintProgressed.Step;
import io.tiercare.complaint.domain.event.ComplaintRated;
import io.tiercare.complaint.domain.event.Deadlines;
import io.tiercare.complaint.domain.event.SlaAlert;

/** The 1-24-48 rule and the complaint workflow (domain.md §5), on the aggregate alone: no database, no broker. */
class ComplaintTest {

    /** Monday 23 November 2026, 10:00 in Shanghai. */
    private static final Instant FILED = Instant.parse("2026-11-23T02:00:00Z");

    @Test
    void everyComplaintIsAcknowledgedWithinAnHourGivenAPlanWithin24AndResolvedWithin48() {
        Filed filed = ComplaintMother.file("BASIC", Severity.MEDIUM, FILED);
        Complaint complaint = filed.complaint();

        Deadlines oneTwentyFourFortyEight = new Deadlines(after(ofHours(1)), after(ofHours(24)), after(ofHours(48)));
        assertThat(filed.event()).isEqualTo(new ComplaintFiled(complaint.id(), CUSTOMER, "HOTLINE", CATEGORY,
                "MEDIUM", FILED.minus(ofHours(2)), FILED, "BASIC", 1, "1-24-48", "CALENDAR",
                oneTwentyFourFortyEight));
        assertThat(complaint.status()).isEqualTo(ComplaintStatus.FILED);
        assertThat(complaint.deadlines()).isEqualTo(oneTwentyFourFortyEight);
        assertThat(complaint.milestones())
                .extracting(Milestone::kind, Milestone::round, Milestone::target, Milestone::startedAt)
                .containsExactly(tuple(ACKNOWLEDGE, 1, ofHours(1), FILED), tuple(PLAN, 1, ofHours(24), FILED),
                        tuple(RESOLVE, 1, ofHours(48), FILED));
    }

    @Test
    void aCoreCustomerAndACriticalComplaintTakeTheGreenChannelWithHalfTheTime() {
        Filed core = ComplaintMother.file("CORE", Severity.LOW, FILED);
        Filed critical = ComplaintMother.file("BASIC", Severity.CRITICAL, FILED);
        Filed untiered = ComplaintMother.file(null, Severity.HIGH, FILED);

        Deadlines greenChannel = new Deadlines(after(ofMinutes(30)), after(ofHours(12)), after(ofHours(24)));
        assertThat(core.event().slaRule()).isEqualTo("green channel");
        assertThat(core.event().deadlines()).isEqualTo(greenChannel);
        assertThat(critical.event().slaRule()).isEqualTo("critical");
        assertThat(critical.event().deadlines()).isEqualTo(greenChannel);
        assertThat(untiered.event().slaRule()).as("a customer not tiered yet gets the plain rule")
                .isEqualTo("1-24-48");
        assertThat(untiered.event().deadlines().acknowledgeBy()).isEqualTo(after(ofHours(1)));
    }

    @Test
    void theFirstResponseIsDueOneWorkingHourAfterTheComplaintIsFiled() {
        Instant eveOfNationalDay = Instant.parse("2026-09-30T09:30:00Z"); // Wednesday, 17:30 in Shanghai

        Filed filed = ComplaintMother.file("BASIC", Severity.MEDIUM, ComplaintMother.ONE_24_48_WORKING,
                eveOfNationalDay);

        // half an hour before closing, 1–7 October off, the other half hour on the morning of Thursday the 8th
        assertThat(filed.event().slaClock()).isEqualTo("WORKING");
        assertThat(filed.event().deadlines()).isEqualTo(new Deadlines(
                Instant.parse("2026-10-08T01:30:00Z"), // 09:30 on Thursday 8 October
                Instant.parse("2026-10-10T06:30:00Z"), // 14:30 on Saturday 10 October, a day worked instead (调休)
                Instant.parse("2026-10-14T03:30:00Z"))); // 11:30 on Wednesday 14 October, Sunday the 11th off
    }

    @Test
    void acknowledgingKeepsTheFirstPromiseAndReturnsTheStepWithTheDeadlinesStillOpen() {
        Complaint complaint = ComplaintMother.basic(FILED);

        ComplaintProgressed event = complaint.acknowledge("agent-7", after(ofMinutes(20)));

        assertThat(event).isEqualTo(new ComplaintProgressed(Step.ACKNOWLEDGED, complaint.id(), CUSTOMER, CATEGORY,
                "MEDIUM", after(ofMinutes(20)), "agent-7", "ACKNOWLEDGED", 0,
                new Deadlines(null, after(ofHours(24)), after(ofHours(48)))));
        assertThat(event.stepTime()).isEqualTo(Map.of("acknowledgedAt", after(ofMinutes(20))));
        assertThat(complaint.status()).isEqualTo(ComplaintStatus.ACKNOWLEDGED);
        Milestone acknowledge = complaint.milestone(ACKNOWLEDGE, 1).orElseThrow();
        assertThat(acknowledge.metAt()).isEqualTo(after(ofMinutes(20)));
        assertThat(acknowledge.breachedAt()).isNull();
        assertThat(complaint.takeLateBreaches()).isEmpty();
    }

    @Test
    void anAcknowledgementAfterTheHourRecordsTheBreachAndReportsItOnce() {
        Complaint complaint = ComplaintMother.basic(FILED);

        complaint.acknowledge("agent-7", after(ofMinutes(90)));

        assertThat(complaint.milestone(ACKNOWLEDGE, 1).orElseThrow().breachedAt()).isEqualTo(after(ofHours(1)));
        assertThat(complaint.takeLateBreaches()).containsExactly(new SlaAlert(SlaAlert.Kind.BREACHED,
                complaint.id(), CUSTOMER, CATEGORY, "MEDIUM", "ACKNOWLEDGE", 1, after(ofHours(1)),
                after(ofMinutes(90)), 2, "MANAGER", "BREACHED"));
        assertThat(complaint.takeLateBreaches()).as("reported once").isEmpty();
    }

    @Test
    void aPromiseKeptAtTheDeadlineItselfIsKept() {
        Complaint complaint = ComplaintMother.basic(FILED);

        complaint.acknowledge("agent-7", after(ofHours(1)));

        assertThat(complaint.milestone(ACKNOWLEDGE, 1).orElseThrow().breachedAt()).isNull();
        assertThat(complaint.takeLateBreaches()).isEmpty();
    }

    @Test
    void aPromiseIsAtRiskOnceEightyPercentOfItsTimeIsGoneAndBreachedAtItsDeadline() {
        Complaint complaint = ComplaintMother.basic(FILED);
        Milestone acknowledge = complaint.milestone(ACKNOWLEDGE, 1).orElseThrow();

        assertThat(stateOf(acknowledge, after(ofMinutes(47)))).isEqualTo(Milestone.State.ON_TRACK);
        assertThat(stateOf(acknowledge, after(ofMinutes(48)))).isEqualTo(Milestone.State.AT_RISK);
        assertThat(stateOf(acknowledge, after(ofMinutes(60)))).isEqualTo(Milestone.State.BREACHED);

        complaint.acknowledge("agent-7", after(ofMinutes(50)));
        assertThat(stateOf(acknowledge, after(ofMinutes(60)))).isEqualTo(Milestone.State.MET);
    }

    @Test
    void proposingAPlanKeepsThe24HourPromiseAndTheResolvedComplaintIsThenClosed() {
        Complaint complaint = ComplaintMother.acknowledged(FILED, after(ofMinutes(20)));

        ComplaintProgressed planned = complaint.proposePlan("agent-7", after(ofHours(3)));

        assertThat(planned).isEqualTo(new ComplaintProgressed(Step.PLAN_PROPOSED, complaint.id(), CUSTOMER,
                CATEGORY, "MEDIUM", after(ofHours(3)), "agent-7", "PLAN_PROPOSED", 0,
                new Deadlines(null, null, after(ofHours(48)))));
        complaint.resolve("agent-7", after(ofHours(30)));
        assertThat(complaint.milestone(PLAN, 1).orElseThrow().metAt()).as("a plan is kept once")
                .isEqualTo(after(ofHours(3)));

        ComplaintProgressed closed = complaint.close("supervisor-1", after(ofHours(31)));

        assertThat(closed.step()).isEqualTo(Step.CLOSED);
        assertThat(closed.status()).isEqualTo("CLOSED");
        assertThat(closed.by()).isEqualTo("supervisor-1");
        assertThat(closed.stepTime()).isEqualTo(Map.of("closedAt", after(ofHours(31))));
        assertThat(complaint.closedAt()).isEqualTo(after(ofHours(31)));
        assertThat(complaint.resolvedAt()).isEqualTo(after(ofHours(30)));
    }

    @Test
    void aResolutionCarriesOutThePlanAndKeepsEveryPromiseLeft() {
        Complaint complaint = ComplaintMother.acknowledged(FILED, after(ofMinutes(20)));

        ComplaintProgressed event = complaint.resolve("agent-7", after(ofHours(5)));

        assertThat(event.step()).isEqualTo(Step.RESOLVED);
        assertThat(event.status()).isEqualTo("RESOLVED");
        assertThat(event.deadlines()).isEqualTo(new Deadlines(null, null, null));
        assertThat(event.stepTime()).isEqualTo(Map.of("resolvedAt", after(ofHours(5))));
        assertThat(complaint.resolvedAt()).isEqualTo(after(ofHours(5)));
        assertThat(complaint.milestones()).extracting(Milestone::kind, Milestone::metAt).containsExactly(
                tuple(ACKNOWLEDGE, after(ofMinutes(20))), tuple(PLAN, after(ofHours(5))),
                tuple(RESOLVE, after(ofHours(5))));
    }

    @Test
    void aNewComplaintMustBeAcknowledgedFirstAndEveryOtherStepIsRefusedNamingTheAllowedOnes() {
        Complaint complaint = ComplaintMother.basic(FILED);
        Instant later = after(ofMinutes(10));
        String filed = " complaint " + complaint.id() + " while it is FILED (allowed from ";

        assertThatThrownBy(() -> complaint.proposePlan("agent-7", later)).isInstanceOf(ConflictException.class)
                .hasMessage("cannot propose a plan for" + filed + "[ACKNOWLEDGED, REOPENED])");
        assertThatThrownBy(() -> complaint.resolve("agent-7", later)).isInstanceOf(ConflictException.class)
                .hasMessage("cannot resolve" + filed + "[ACKNOWLEDGED, PLAN_PROPOSED, REOPENED])");
        assertThatThrownBy(() -> complaint.waitOnCustomer("agent-7", CALENDAR, later))
                .isInstanceOf(ConflictException.class)
                .hasMessage("cannot wait on the customer for" + filed + "[ACKNOWLEDGED, PLAN_PROPOSED, REOPENED])");
        assertThatThrownBy(() -> complaint.resume("agent-7", CALENDAR, AT_RISK_SHARE, later))
                .isInstanceOf(ConflictException.class).hasMessage("cannot resume" + filed + "[WAITING_ON_CUSTOMER])");
        assertThatThrownBy(() -> complaint.close("agent-7", later)).isInstanceOf(ConflictException.class)
                .hasMessage("cannot close" + filed + "[RESOLVED])");
        assertThatThrownBy(() -> complaint.reopen("agent-7", CALENDAR, AT_RISK_SHARE, later))
                .isInstanceOf(ConflictException.class).hasMessage("cannot reopen" + filed + "[CLOSED, RESOLVED])");
        assertThatThrownBy(() -> complaint.rate(5, later)).isInstanceOf(ConflictException.class)
                .hasMessage("cannot rate" + filed + "[CLOSED, RESOLVED])");

        assertThat(complaint.status()).isEqualTo(ComplaintStatus.FILED);
        assertThat(complaint.deadlines())
                .isEqualTo(new Deadlines(after(ofHours(1)), after(ofHours(24)), after(ofHours(48))));
    }

    @Test
    void noStepIsTakenTwiceAndAClosedComplaintIsReopenedBeforeItIsResolvedAgain() {
        Complaint complaint = ComplaintMother.acknowledged(FILED, after(ofMinutes(20)));

        assertThatThrownBy(() -> complaint.acknowledge("agent-7", after(ofMinutes(30))))
                .isInstanceOf(ConflictException.class).hasMessage("cannot acknowledge complaint " + complaint.id()
                        + " while it is ACKNOWLEDGED (allowed from [FILED])");
        assertThat(complaint.milestone(ACKNOWLEDGE, 1).orElseThrow().metAt()).isEqualTo(after(ofMinutes(20)));

        complaint.resolve("agent-7", after(ofHours(5)));
        complaint.close("agent-7", after(ofHours(6)));

        String closed = " complaint " + complaint.id() + " while it is CLOSED (allowed from ";
        assertThatThrownBy(() -> complaint.resolve("agent-7", after(ofHours(7)))).isInstanceOf(ConflictException.class)
                .hasMessage("cannot resolve" + closed + "[ACKNOWLEDGED, PLAN_PROPOSED, REOPENED])");
        assertThatThrownBy(() -> complaint.close("agent-7", after(ofHours(7)))).isInstanceOf(ConflictException.class)
                .hasMessage("cannot close" + closed + "[RESOLVED])");
        assertThat(complaint.status()).isEqualTo(ComplaintStatus.CLOSED);
        assertThat(complaint.closedAt()).isEqualTo(after(ofHours(6)));
    }

    @Test
    void waitingOnTheCustomerStopsTheClockAndResumingGivesBackWhatWasLeft() {
        Complaint complaint = ComplaintMother.acknowledged(FILED, after(ofMinutes(30)));

        ComplaintProgressed waiting = complaint.waitOnCustomer("agent-7", CALENDAR, after(ofHours(2)));

        assertThat(waiting.step()).isEqualTo(Step.WAITING);
        assertThat(waiting.status()).isEqualTo("WAITING_ON_CUSTOMER");
        assertThat(waiting.deadlines()).as("no deadline runs while the customer is awaited")
                .isEqualTo(new Deadlines(null, null, null));
        assertThat(complaint.pausedSince()).isEqualTo(after(ofHours(2)));
        assertThat(complaint.milestones()).extracting(Milestone::kind, Milestone::remainingSeconds)
                .containsExactly(tuple(ACKNOWLEDGE, null), tuple(PLAN, 22 * 3600L), tuple(RESOLVE, 46 * 3600L));
        assertThat(stateOf(complaint.milestone(PLAN, 1).orElseThrow(), after(ofHours(30))))
                .isEqualTo(Milestone.State.PAUSED);
        assertThatThrownBy(() -> complaint.resolve("agent-7", after(ofHours(3))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("while it is WAITING_ON_CUSTOMER");

        ComplaintProgressed resumed = complaint.resume("agent-7", CALENDAR, AT_RISK_SHARE, after(ofHours(26)));

        assertThat(resumed).isEqualTo(new ComplaintProgressed(Step.RESUMED, complaint.id(), CUSTOMER, CATEGORY,
                "MEDIUM", after(ofHours(26)), "agent-7", "ACKNOWLEDGED", 24 * 3600L,
                new Deadlines(null, after(ofHours(48)), after(ofHours(72)))));
        assertThat(complaint.status()).as("back where it was").isEqualTo(ComplaintStatus.ACKNOWLEDGED);
        assertThat(complaint.pausedSince()).isNull();
        assertThat(complaint.pausedSeconds()).isEqualTo(24 * 3600L);
    }

    @Test
    void aWeekendSpentWaitingOnTheCustomerCostsNoWorkingTime() {
        Complaint complaint = ComplaintMother.onWorkingHours(Instant.parse("2026-11-26T02:00:00Z")); // Thu 10:00
        complaint.acknowledge("agent-7", Instant.parse("2026-11-26T02:30:00Z"));
        assertThat(complaint.deadlines().planBy()).isEqualTo(Instant.parse("2026-11-30T08:00:00Z")); // Mon 16:00

        complaint.waitOnCustomer("agent-7", CALENDAR, Instant.parse("2026-11-27T09:00:00Z")); // Friday 17:00

        // 1 h on Friday and 7 h on Monday were left of the plan's 24; 32 of the resolution's 48
        assertThat(complaint.milestone(PLAN, 1).orElseThrow().remainingSeconds()).isEqualTo(8 * 3600L);
        assertThat(complaint.milestone(RESOLVE, 1).orElseThrow().remainingSeconds()).isEqualTo(32 * 3600L);

        ComplaintProgressed resumed = complaint.resume("agent-7", CALENDAR, AT_RISK_SHARE,
                Instant.parse("2026-11-30T01:00:00Z")); // Monday 09:00

        assertThat(resumed.deadlines()).isEqualTo(new Deadlines(null,
                Instant.parse("2026-11-30T09:00:00Z"), // Monday 17:00
                Instant.parse("2026-12-03T06:00:00Z"))); // Thursday 14:00
        assertThat(resumed.pausedSeconds()).as("the pause itself is measured in calendar time")
                .isEqualTo(64 * 3600L);
    }

    @Test
    void aDeadlineMissedBeforeThePauseStaysMissed() {
        Complaint complaint = ComplaintMother.acknowledged(FILED, after(ofMinutes(30)));

        complaint.waitOnCustomer("agent-7", CALENDAR, after(ofHours(25))); // the plan was due after 24 hours

        Milestone plan = complaint.milestone(PLAN, 1).orElseThrow();
        assertThat(plan.breachedAt()).isEqualTo(after(ofHours(24)));
        assertThat(plan.remainingSeconds()).isZero();
        assertThat(stateOf(plan, after(ofHours(26)))).isEqualTo(Milestone.State.BREACHED);
        assertThat(complaint.milestone(RESOLVE, 1).orElseThrow().breachedAt()).isNull();
        assertThat(complaint.takeLateBreaches()).as("published and escalated like the detector's, once")
                .singleElement().satisfies(alert -> {
                    assertThat(alert.kind()).isEqualTo(SlaAlert.Kind.BREACHED);
                    assertThat(alert.milestone()).isEqualTo("PLAN");
                    assertThat(alert.escalationLevel()).isEqualTo(2);
                });

        complaint.resume("agent-7", CALENDAR, AT_RISK_SHARE, after(ofHours(30)));

        assertThat(complaint.deadlines()).as("nothing was left of the plan; 23 hours of the resolution")
                .isEqualTo(new Deadlines(null, after(ofHours(30)), after(ofHours(53))));
    }

    @Test
    void reopeningRestartsTheResolveClockWithTheFirstRoundsTarget() {
        Complaint complaint = ComplaintMother.file("CORE", Severity.LOW, FILED).complaint();
        complaint.acknowledge("agent-7", after(ofMinutes(10)));
        complaint.resolve("agent-7", after(ofHours(4)));
        complaint.close("agent-7", after(ofHours(5)));
        Instant reopenedAt = after(ofHours(72));

        ComplaintProgressed event = complaint.reopen("agent-7", CALENDAR, AT_RISK_SHARE, reopenedAt);

        assertThat(event).isEqualTo(new ComplaintProgressed(Step.REOPENED, complaint.id(), CUSTOMER, CATEGORY, "LOW",
                reopenedAt, "agent-7", "REOPENED", 0, new Deadlines(null, null, reopenedAt.plus(ofHours(24)))));
        assertThat(complaint.reopenCount()).isEqualTo(1);
        assertThat(complaint.resolution()).isEqualTo(2);
        assertThat(complaint.resolvedAt()).isNull();
        assertThat(complaint.closedAt()).isNull();
        Milestone second = complaint.milestone(RESOLVE, 2).orElseThrow();
        assertThat(second.target()).as("the green channel's 24 hours again").isEqualTo(ofHours(24));
        assertThat(second.startedAt()).isEqualTo(reopenedAt);
        assertThat(complaint.milestone(RESOLVE, 1).orElseThrow().metAt()).as("the first round stays kept")
                .isEqualTo(after(ofHours(4)));
    }

    @Test
    void everyReopeningIsAnotherRoundOfTheResolvePromise() {
        Complaint complaint = ComplaintMother.resolved(FILED, after(ofHours(5)));
        complaint.reopen("agent-7", CALENDAR, AT_RISK_SHARE, after(ofHours(24)));
        complaint.proposePlan("agent-7", after(ofHours(25)));
        complaint.resolve("agent-7", after(ofHours(30)));
        complaint.close("agent-7", after(ofHours(31)));

        complaint.reopen("agent-7", CALENDAR, AT_RISK_SHARE, after(ofHours(100)));

        assertThat(complaint.milestones()).extracting(Milestone::kind, Milestone::round, Milestone::metAt)
                .containsExactly(tuple(ACKNOWLEDGE, 1, after(ofMinutes(20))), tuple(PLAN, 1, after(ofHours(5))),
                        tuple(RESOLVE, 1, after(ofHours(5))), tuple(RESOLVE, 2, after(ofHours(30))),
                        tuple(RESOLVE, 3, null));
        assertThat(complaint.reopenCount()).isEqualTo(2);
        assertThat(complaint.resolution()).isEqualTo(3);
        assertThat(complaint.deadlines()).isEqualTo(new Deadlines(null, null, after(ofHours(148))));
    }

    @Test
    void eachResolutionIsRatedOnceAndARatingOfTwoOrLessAsksForFollowUp() {
        Complaint complaint = ComplaintMother.resolved(FILED, after(ofHours(5)));

        ComplaintRated low = complaint.rate(2, after(ofHours(6)));

        assertThat(low).isEqualTo(new ComplaintRated(complaint.id(), CUSTOMER, CATEGORY, "MEDIUM", 1, 2, true,
                after(ofHours(6))));
        assertThatThrownBy(() -> complaint.rate(5, after(ofHours(7)))).isInstanceOf(ConflictException.class)
                .hasMessage("resolution 1 of complaint " + complaint.id() + " is rated already");

        complaint.reopen("agent-7", CALENDAR, AT_RISK_SHARE, after(ofHours(8)));
        assertThatThrownBy(() -> complaint.rate(4, after(ofHours(9)))).isInstanceOf(ConflictException.class)
                .hasMessage("cannot rate complaint " + complaint.id()
                        + " while it is REOPENED (allowed from [CLOSED, RESOLVED])");
        complaint.resolve("agent-7", after(ofHours(10)));
        complaint.close("agent-7", after(ofHours(11)));

        ComplaintRated second = complaint.rate(3, after(ofHours(12)));

        assertThat(second.resolution()).isEqualTo(2);
        assertThat(second.rating()).isEqualTo(3);
        assertThat(second.followUpRequired()).as("3 of 5 asks for no follow-up").isFalse();
    }

    @Test
    void aClosedComplaintIsReopenedBeforeItIsHandedToSomeoneElse() {
        Complaint complaint = ComplaintMother.resolved(FILED, after(ofHours(5)));
        complaint.assign("agent-9", "after-sales");
        complaint.close("agent-9", after(ofHours(6)));

        assertThatThrownBy(() -> complaint.assign("agent-3", "billing")).isInstanceOf(ConflictException.class)
                .hasMessage("complaint " + complaint.id() + " is CLOSED: reopen it before assigning it");
        assertThat(complaint.assignee()).isEqualTo("agent-9");
        assertThat(complaint.team()).isEqualTo("after-sales");

        complaint.reopen("agent-9", CALENDAR, AT_RISK_SHARE, after(ofHours(30)));
        complaint.assign("agent-3", "billing");

        assertThat(complaint.assignee()).isEqualTo("agent-3");
        assertThat(complaint.team()).isEqualTo("billing");
    }

    private static Instant after(Duration elapsed) {
        return FILED.plus(elapsed);
    }

    private static Milestone.State stateOf(Milestone milestone, Instant now) {
        return milestone.state(now, CALENDAR, SlaClock.CALENDAR, AT_RISK_SHARE);
    }

    @Test
    void aResolvedComplaintClosedInBulkPublishesTheSameEventAsOneClosedByHand() {
        Complaint byHand = ComplaintMother.resolved(FILED, after(ofHours(5)));
        Complaint.Resolved asTheBulkCloseReadsIt = new Complaint.Resolved(byHand.id(), byHand.customerId(),
                byHand.categoryCode(), byHand.severity(), byHand.pausedSeconds());
        Instant quietWeekLater = after(ofHours(5 + 7 * 24));

        ComplaintProgressed bulk = Complaint.closedInBulk(asTheBulkCloseReadsIt, "system", quietWeekLater);
        ComplaintProgressed closed = byHand.close("system", quietWeekLater);

        assertThat(bulk).isEqualTo(closed);
        assertThat(bulk.eventType()).isEqualTo("tiercare.complaint.closed.v1");
    }
}
