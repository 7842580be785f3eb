package io.tiercare.care.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.tiercare.care.domain.CareTask;
import io.tiercare.care.domain.WorkingDays;
import io.tiercare.care.domain.event.TaskEvent;
import io.tiercare.care.messaging.CareEventPublisher;
import io.tiercare.care.repository.PlanRepository;
import io.tiercare.care.repository.TaskRepository;
import io.tiercare.care.repository.TaskRepository.DueSchedule;
import io.tiercare.chassis.batch.Drain;
import io.tiercare.chassis.time.BusinessTime;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The sweep that keeps tasks moving, safe with replicas (each claims rows with SKIP LOCKED): tasks whose period ended
 * open are MISSED; each recurring item's next occurrence opens on its day; open tasks past their due date are marked
 * overdue; tasks still overdue {@code escalateAfterWorkingDays} working days after their due date are escalated to
 * the supervisor. Each step happens once per task and is published.
 */
@ApplicationScoped
public class OverdueWatch {

    /** What one sweep did. */
    public record Sweep(int missed, int opened, int overdue, int escalated) {
    }

    private static final Logger LOG = Logger.getLogger(OverdueWatch.class);
    private static final int BATCH = 500;

    private final TaskRepository tasks;
    private final PlanRepository plans;
    private final CarePlans carePlans;
    private final CarePlanning planning;
    private final Calendar calendar;
    private final CareEventPublisher publisher;
    private final BusinessTime businessTime;
    private final Clock clock;

    OverdueWatch(TaskRepository tasks, PlanRepository plans, CarePlans carePlans, CarePlanning planning,
            Calendar calendar, CareEventPublisher publisher, BusinessTime businessTime, Clock clock) {
        this.tasks = tasks;
        this.plans = plans;
        this.carePlans = carePlans;
        this.planning = planning;
        this.calendar = calendar;
        this.publisher = publisher;
        this.businessTime = businessTime;
        this.clock = clock;
    }

    @Scheduled(every = "${tiercare.care.sweep-every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Sweep sweep = sweep();
        if (sweep.missed() + sweep.opened() + sweep.overdue() + sweep.escalated() > 0) {
            LOG.infof("Care sweep: %d missed, %d opened, %d overdue, %d escalated", sweep.missed(), sweep.opened(),
                    sweep.overdue(), sweep.escalated());
        }
    }

    /** Runs every step until nothing is left, a batch per transaction ({@link Drain}). */
    public Sweep sweep() {
        int missed = Drain.inTransactions(BATCH, this::missedBatch);
        int opened = Drain.inTransactions(BATCH, this::openBatch);
        int overdue = Drain.inTransactions(BATCH, this::overdueBatch);
        int escalated = Drain.inTransactions(BATCH, this::escalationBatch);
        return new Sweep(missed, opened, overdue, escalated);
    }

    private int missedBatch() {
        Instant now = clock.instant();
        List<CareTask> ended = tasks.claimEnded(businessTime.today(), BATCH);
        publish(ended.stream().map(t -> t.miss(now)).toList());
        return ended.size();
    }

    private int openBatch() {
        List<DueSchedule> due = tasks.claimDueSchedules(businessTime.today(), BATCH);
        due.forEach(planning::openNext);
        return due.size();
    }

    private int overdueBatch() {
        Instant now = clock.instant();
        List<CareTask> late = tasks.claimNewlyOverdue(businessTime.today(), BATCH);
        publish(late.stream().map(t -> t.markOverdue(now)).toList());
        return late.size();
    }

    /** Escalates what is due; a candidate not yet late enough (holidays between) is left for a later sweep. */
    private int escalationBatch() {
        Instant now = clock.instant();
        LocalDate today = businessTime.today();
        int grace = carePlans.parse(plans.current()).escalateAfterWorkingDays();
        WorkingDays days = calendar.workingDays();
        List<TaskEvent> events = new ArrayList<>();
        LocalDate dueBefore = today.minusDays(grace);
        List<CareTask> candidates = tasks.claimEscalationCandidates(dueBefore, BATCH);
        for (CareTask task : candidates) {
            if (days.plus(task.dueOn(), grace).isBefore(today)) {
                events.add(task.escalate(now));
            }
        }
        publish(events);
        return events.size(); // fewer than a batch escalated: the drain ends (the rest are not late enough yet)
    }

    private void publish(List<TaskEvent> events) {
        publisher.publishAll(events);
    }
}
