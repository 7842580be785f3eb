package io.tiercare.care.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.tiercare.care.domain.CareTask;
import io.tiercare.care.domain.Outcome;
import io.tiercare.care.domain.event.TaskEvent;
import io.tiercare.care.messaging.CareEventPublisher;
import io.tiercare.care.repository.CustomerRepository;
import io.tiercare.care.repository.TaskRepository;
import io.tiercare.care.repository.TaskRepository.Filter;
import io.tiercare.chassis.audit.PersonalDataReads;
import io.tiercare.chassis.paging.Page;
import io.tiercare.chassis.paging.PageRequest;
import io.tiercare.chassis.problem.ActionForbiddenException;
import io.tiercare.chassis.problem.ResourceNotFoundException;
import io.tiercare.chassis.time.BusinessTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The work queue and the actions on a task. An account manager reaches the tasks assigned to them and those of their
 * customers; any other task answers 404, exactly as an unknown id. Each action is logged and published.
 */
@ApplicationScoped
@Transactional
public class CareTasks {

    private final TaskRepository tasks;
    private final PersonalDataReads reads;
    private final CustomerRepository customers;
    private final CareEventPublisher publisher;
    private final BusinessTime businessTime;
    private final Clock clock;

    CareTasks(TaskRepository tasks, CustomerRepository customers, CareEventPublisher publisher,
            BusinessTime businessTime, Clock clock, PersonalDataReads reads) {
        this.tasks = tasks;
        this.reads = reads;
        this.customers = customers;
        this.publisher = publisher;
        this.businessTime = businessTime;
        this.clock = clock;
    }

    /** A page of the queue; an account manager's is always their own. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TaskView> queue(Filter filter, PageRequest page, Access access) {
        Filter scoped = access.managerScope().map(me -> new Filter(filter.view(), me, filter.tier(), filter.kind(),
                filter.status(), filter.customerId(), filter.owner())).orElse(filter);
        if (access.managerScope().isPresent() && filter.assignee() != null
                && !filter.assignee().equals(access.managerScope().get())) {
            throw new ActionForbiddenException("an account manager sees their own queue only");
        }
        LocalDate today = businessTime.today();
        return audited(tasks.page(scoped, today, page).map(t -> TaskView.of(t, access, today)), "LIST");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TaskView get(UUID id, Access access) {
        return audited(TaskView.of(reachable(id, access), access, businessTime.today()), "READ");
    }

    /** A task's actions, oldest first. */
    public record History(List<HistoryLine> items) {
    }

    /** One step of a task's history: what was done, by whom, when, and the note (withheld from masked roles). */
    public record HistoryLine(String action, String actor, java.time.Instant at, String note) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public History history(UUID id, Access access) {
        CareTask task = reachable(id, access);
        History history = new History(tasks.actions(id).stream().map(a -> new HistoryLine(a.action(), a.actor(),
                a.at(), access.text(a.note()))).toList());
        // the reasons given for a reschedule or a skip are a person's words; the other notes are the system's
        if (history.items().stream().anyMatch(a -> a.note() != null
                && ("reschedule".equals(a.action()) || "skip".equals(a.action())))) {
            reads.record(List.of(task.customerId()), "TASK_HISTORY");
        }
        return history;
    }

    public TaskView start(UUID id, Access access) {
        CareTask task = reachable(id, access);
        Instant now = clock.instant();
        return done(task, List.of(task.start(now)), "start", access, null, now);
    }

    public TaskView complete(UUID id, Outcome outcome, Integer satisfaction, String notes, LocalDate followUpOn,
            Access access) {
        CareTask task = reachable(id, access);
        Instant now = clock.instant();
        CareTask.Completed completed = task.complete(outcome, satisfaction, blankToNull(notes), followUpOn,
                access.userId(), businessTime.today(), now);
        List<TaskEvent> events = new ArrayList<>(List.of(completed.event()));
        if (completed.followUp() != null) {
            tasks.flush(); // the done task leaves the one-open-task index before its follow-up arrives
            tasks.add(completed.followUp().task());
            events.add(completed.followUp().event());
        }
        return done(task, events, "complete", access, outcome == null ? null : outcome.name(), now);
    }

    public TaskView reschedule(UUID id, LocalDate dueOn, String reason, Access access) {
        CareTask task = reachable(id, access);
        Instant now = clock.instant();
        return done(task, List.of(task.reschedule(dueOn, reason, access.userId(), businessTime.today(), now)),
                "reschedule", access, reason, now);
    }

    public TaskView skip(UUID id, String reason, Access access) {
        CareTask task = reachable(id, access);
        Instant now = clock.instant();
        return done(task, List.of(task.skip(reason, access.userId(), now)), "skip", access, reason, now);
    }

    public TaskView reassign(UUID id, String assignee, Access access) {
        if (access.managerScope().isPresent()) {
            throw new ActionForbiddenException("only a supervisor reassigns tasks");
        }
        CareTask task = reachable(id, access);
        Instant now = clock.instant();
        return done(task, List.of(task.reassign(assignee, now)), "reassign", access, "to " + assignee, now);
    }

    private TaskView done(CareTask task, List<TaskEvent> events, String action, Access access, String note,
            Instant now) {
        tasks.log(task.id(), action, access.userId(), now, note == null ? null : note.strip());
        publisher.publishAll(events);
        return audited(TaskView.of(task, access, businessTime.today()), action.toUpperCase(java.util.Locale.ROOT));
    }

    /**
     * Notes and reasons are free text a person wrote about the customer: an answer carrying them unmasked to a person
     * is audited (no row for masked roles, see {@link PersonalDataReads}).
     */
    private TaskView audited(TaskView view, String action) {
        if (view.notes() != null || view.reason() != null) {
            reads.record(List.of(view.customerId()), action);
        }
        return view;
    }

    private Page<TaskView> audited(Page<TaskView> page, String action) {
        java.util.Set<UUID> customers = new java.util.LinkedHashSet<>();
        page.items().stream().filter(v -> v.notes() != null || v.reason() != null)
                .forEach(v -> customers.add(v.customerId()));
        reads.record(customers, action);
        return page;
    }

    private CareTask reachable(UUID id, Access access) {
        CareTask task = tasks.find(id).orElse(null);
        if (task == null || (access.managerScope().isPresent()
                && !access.reaches(task.assignee(), customers.accountManager(task.customerId())))) {
            throw ResourceNotFoundException.of("care task", id);
        }
        return task;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
