package io.tiercare.care.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import io.tiercare.care.domain.CarePlan;
import io.tiercare.care.domain.CarePlanner;
import io.tiercare.care.domain.CarePlanner.Cancel;
import io.tiercare.care.domain.CarePlanner.Customer;
import io.tiercare.care.domain.CarePlanner.Occurrence;
import io.tiercare.care.domain.CarePlanner.OpenTask;
import io.tiercare.care.domain.CarePlanner.Reassign;
import io.tiercare.care.domain.CarePlanner.Replan;
import io.tiercare.care.domain.CareTask;
import io.tiercare.care.domain.WorkingDays;
import io.tiercare.care.domain.event.TaskEvent;
import io.tiercare.care.messaging.CareEventPublisher;
import io.tiercare.care.repository.CustomerRepository;
import io.tiercare.care.repository.PlanRepository;
import io.tiercare.care.repository.TaskRepository;
import io.tiercare.care.repository.VersionedDocuments;
import io.tiercare.care.repository.TaskRepository.DueSchedule;
import io.tiercare.chassis.time.BusinessTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Applies the planner's decisions: re-plans a customer when their tier, account manager or the plan changes, and
 * opens each recurring item's next occurrence when its day comes. Runs in the caller's transaction (the consumer's,
 * with its inbox claim; the sweep's; a re-plan job chunk's).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CarePlanning {

    /** What a re-plan did, in numbers. */
    public record Outcome(int created, int cancelled, int reassigned) {

        static final Outcome NONE = new Outcome(0, 0, 0);

        Outcome plus(Outcome other) {
            return new Outcome(created + other.created, cancelled + other.cancelled, reassigned + other.reassigned);
        }
    }

    private final CustomerRepository customers;
    private final TaskRepository tasks;
    private final PlanRepository plans;
    private final CarePlans carePlans;
    private final Calendar calendar;
    private final CareEventPublisher publisher;
    private final BusinessTime businessTime;
    private final Clock clock;

    CarePlanning(CustomerRepository customers, TaskRepository tasks, PlanRepository plans, CarePlans carePlans,
            Calendar calendar, CareEventPublisher publisher, BusinessTime businessTime, Clock clock) {
        this.customers = customers;
        this.tasks = tasks;
        this.plans = plans;
        this.carePlans = carePlans;
        this.calendar = calendar;
        this.publisher = publisher;
        this.businessTime = businessTime;
        this.clock = clock;
    }

    /** Re-plans one customer against the current plan; {@code cause} becomes the reason of each cancellation. */
    public Outcome replan(UUID customerId, String cause) {
        return replanAll(List.of(customerId), id -> cause);
    }

    /** Re-plans several customers (a job's chunk) for one cause. */
    public Outcome replanAll(List<UUID> customerIds, String cause) {
        return replanAll(customerIds, id -> cause);
    }

    /**
     * Re-plans several customers against the current plan, set-based: their rows locked in id order, what planning
     * needs read in three queries, each decided in memory by the planner, the changes written in a handful of
     * statements. Customers whose care stays as it is cost nothing more.
     */
    public Outcome replanAll(Collection<UUID> customerIds, Function<UUID, String> cause) {
        if (customerIds.isEmpty()) {
            return Outcome.NONE;
        }
        VersionedDocuments.Version row = plans.current();
        CarePlan plan = carePlans.parse(row);
        WorkingDays days = calendar.workingDays();
        Instant now = clock.instant();
        LocalDate today = businessTime.today();
        List<UUID> ids = customerIds.stream().distinct().sorted().toList();
        customers.lock(ids, now);
        Map<UUID, Customer> known = new HashMap<>();
        customers.findAll(ids).forEach(c -> known.put(c.customerId(), c));
        Map<UUID, Set<String>> scheduled = tasks.scheduledItems(ids);
        Map<UUID, List<OpenTask>> openByCustomer = tasks.openTasks(ids);

        Changes changes = new Changes();
        for (UUID id : ids) {
            Replan decision = CarePlanner.replan(plan, known.get(id), scheduled.getOrDefault(id, Set.of()),
                    openByCustomer.getOrDefault(id, List.of()), days, today, cause.apply(id));
            if (!decision.changesNothing()) {
                changes.apply(id, decision, row.version(), cause.apply(id), now);
            }
        }
        return changes.write(now);
    }

    /** What a batch of decisions changes, gathered so that each kind of write is one statement. */
    private final class Changes {

        private final List<TaskEvent> events = new ArrayList<>();
        private final List<UUID> cancelled = new ArrayList<>();
        private final List<String> cancelReasons = new ArrayList<>();
        private final List<UUID> reassigned = new ArrayList<>();
        private final List<String> reassignCauses = new ArrayList<>();
        private final List<UUID> unscheduleCustomers = new ArrayList<>();
        private final List<String> unscheduleItems = new ArrayList<>();
        private final List<UUID> scheduleCustomers = new ArrayList<>();
        private final List<String> scheduleItems = new ArrayList<>();
        private final List<LocalDate> scheduleDates = new ArrayList<>();
        private final List<CareTask> opened = new ArrayList<>();

        void apply(UUID customerId, Replan decision, int version, String cause, Instant now) {
            for (Cancel c : decision.cancel()) {
                events.add(task(c.taskId()).cancel(c.reason(), now));
                cancelled.add(c.taskId());
                cancelReasons.add(c.reason());
            }
            for (Reassign r : decision.reassign()) {
                events.add(task(r.taskId()).assignByPlan(r.to(), now));
                reassigned.add(r.taskId());
                reassignCauses.add(cause);
            }
            decision.unscheduled().forEach(code -> {
                unscheduleCustomers.add(customerId);
                unscheduleItems.add(code);
            });
            decision.adopted().forEach((code, nextOpenOn) -> schedule(customerId, code, nextOpenOn));
            for (Occurrence occurrence : decision.open()) {
                CareTask.Scheduled s = CareTask.open(customerId, occurrence, version, now);
                opened.add(s.task());
                schedule(customerId, occurrence.item().code(), occurrence.periodEnd());
                events.add(s.event());
            }
        }

        private CareTask task(UUID id) {
            return tasks.find(id).orElseThrow(() -> new IllegalStateException("open task " + id + " vanished"));
        }

        private void schedule(UUID customerId, String code, LocalDate nextOpenOn) {
            scheduleCustomers.add(customerId);
            scheduleItems.add(code);
            scheduleDates.add(nextOpenOn);
        }

        Outcome write(Instant now) {
            if (events.isEmpty() && unscheduleCustomers.isEmpty() && scheduleCustomers.isEmpty()) {
                return Outcome.NONE;
            }
            tasks.logAll(cancelled, "cancel", "care-plan", now, cancelReasons);
            tasks.logAll(reassigned, "reassign", "care-plan", now, reassignCauses);
            tasks.unscheduleAll(unscheduleCustomers, unscheduleItems);
            tasks.scheduleAll(scheduleCustomers, scheduleItems, scheduleDates);
            tasks.flush(); // the cancelled tasks leave the one-open-task-per-item index before new ones arrive
            opened.forEach(tasks::add);
            publisher.publishAll(events);
            return new Outcome(opened.size(), cancelled.size(), reassigned.size());
        }
    }

    /**
     * Opens the next occurrence of a schedule whose day has come. An occurrence whose period already ended (the
     * service was down that long) is passed over: the latest one that includes today opens.
     */
    public void openNext(DueSchedule due) {
        Instant now = clock.instant();
        LocalDate today = businessTime.today();
        VersionedDocuments.Version row = plans.current();
        CarePlan plan = carePlans.parse(row);
        Customer customer = customers.find(due.customerId()).orElse(null);
        CarePlan.Item item = customer == null || !customer.active() ? null
                : plan.itemsFor(customer.tiers()).stream().filter(i -> i.code().equals(due.itemCode())).findFirst()
                        .orElse(null);
        if (item == null) {
            tasks.unschedule(due.customerId(), due.itemCode()); // a re-plan will follow the change that caused it
            return;
        }
        LocalDate opens = due.nextOpenOn();
        while (!item.cadence().next(opens).isAfter(today)) {
            opens = item.cadence().next(opens);
        }
        Occurrence occurrence = CarePlanner.occurrence(item, customer, opens, calendar.workingDays());
        if (tasks.openTasks(due.customerId()).stream().anyMatch(t -> t.itemCode().equals(item.code()))) {
            return; // the previous occurrence is still open: the next sweep, having marked it missed, opens this one
        }
        tasks.schedule(due.customerId(), item.code(), occurrence.periodEnd());
        CareTask.Scheduled s = CareTask.open(due.customerId(), occurrence, row.version(), now);
        tasks.add(s.task());
        publisher.publishAll(List.of(s.event()));
    }
}
