package io.tiercare.care.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.tiercare.care.domain.CarePlanner.Occurrence;
import io.tiercare.care.domain.event.TaskEvent;
import io.tiercare.care.domain.event.TaskEvent.Change;
import io.tiercare.care.domain.event.TaskEvent.Details;
import io.tiercare.chassis.http.Problem.Violation;
import io.tiercare.chassis.id.TimeOrderedUuid;
import io.tiercare.chassis.problem.ConflictException;
import io.tiercare.chassis.problem.InvalidInputException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One occurrence of a care item for one customer. Every action checks the status it starts from (409 naming the
 * actions allowed now, otherwise), changes the task and returns the event it produced. Done, skipped, cancelled and
 * missed tasks are final.
 */
@Entity
@Table(name = "care_task")
public class CareTask {

    public static final int MAX_NOTES = 2000;

    @Id
    private UUID id;
    private UUID customerId;
    private String itemCode;
    private String scheme;
    private String tier;
    private String title;
    @Enumerated(EnumType.STRING)
    private TaskKind kind;
    @Enumerated(EnumType.STRING)
    private CareChannel channel;
    @Enumerated(EnumType.STRING)
    private Owner owner;
    private String assignee;
    private boolean pinned;
    private int planVersion;
    private int attempt;
    private LocalDate opensOn;
    private LocalDate dueOn;
    private LocalDate periodEnd;
    @Enumerated(EnumType.STRING)
    private TaskStatus status;
    private boolean asksSatisfaction;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    private Integer satisfaction;
    private String notes;
    private String reason;
    private String explanation;
    private Instant createdAt;
    private Instant startedAt;
    private Instant closedAt;
    private String closedBy;
    private Instant overdueAt;
    private Instant escalatedAt;
    private String occasion;
    private String giftCode;
    @Version
    private long version;

    protected CareTask() {
    }

    public record Scheduled(CareTask task, TaskEvent event) {
    }

    /** Opens an occurrence the planner decided on. */
    public static Scheduled open(UUID customerId, Occurrence occurrence, int planVersion, Instant now) {
        return open(customerId, occurrence, planVersion, 1, now);
    }

    private static Scheduled open(UUID customerId, Occurrence occurrence, int planVersion, int attempt, Instant now) {
        return fill(new CareTask(), customerId, occurrence, planVersion, attempt, now);
    }

    private static Scheduled fill(CareTask t, UUID customerId, Occurrence occurrence, int planVersion, int attempt,
            Instant now) {
        CarePlan.Item item = occurrence.item();
        t.id = TimeOrderedUuid.next();
        t.customerId = customerId;
        t.itemCode = item.code();
        t.scheme = item.scheme();
        t.tier = item.tier();
        t.title = item.title();
        t.kind = item.kind();
        t.channel = item.channel();
        t.owner = item.owner();
        t.assignee = occurrence.assignee();
        t.planVersion = planVersion;
        t.attempt = attempt;
        t.opensOn = occurrence.opensOn();
        t.dueOn = occurrence.dueOn();
        t.periodEnd = occurrence.periodEnd();
        t.status = TaskStatus.SCHEDULED;
        t.asksSatisfaction = item.asksForSatisfaction();
        t.explanation = occurrence.explanation();
        t.createdAt = now;
        return new Scheduled(t, t.event(Change.SCHEDULED, now, new Details(planVersion, t.periodEnd,
                t.explanation, null, null, null, null, null, null, null)));
    }

    /**
     * Opens a task an event asked for rather than the plan (a welcome gift, a complaint's follow-up), named by its
     * occasion: the database keeps it to one per customer, occasion and attempt, and re-planning leaves it alone.
     * {@code planVersion}: the plan in force when it opened.
     */
    public static Scheduled openOnce(UUID customerId, String occasion, String giftCode, Occurrence occurrence,
            int planVersion, Instant now) {
        CareTask t = new CareTask();
        t.occasion = occasion;
        t.giftCode = giftCode;
        return fill(t, customerId, occurrence, planVersion, 1, now);
    }

    /** The actions a task in this status allows. */
    public static Set<String> actions(TaskStatus status) {
        return switch (status) {
            case SCHEDULED -> Set.of("start", "complete", "reschedule", "skip", "reassign");
            case IN_PROGRESS -> Set.of("complete", "reschedule", "skip", "reassign");
            default -> Set.of();
        };
    }

    public TaskEvent start(Instant now) {
        require("start");
        status = TaskStatus.IN_PROGRESS;
        startedAt = now;
        return event(Change.STARTED, now, Details.none());
    }

    /** What completing produced: the event, and a follow-up task when one was booked. */
    public record Completed(TaskEvent event, Scheduled followUp) {
    }

    /**
     * Records the contact's outcome. A satisfaction score (1–5) is required when the item asks for one and the
     * customer was reached, and refused otherwise. A follow-up day (NO_ANSWER or RESCHEDULED) opens a new attempt of
     * the same occurrence, due that day.
     */
    public Completed complete(Outcome outcome, Integer satisfaction, String notes, LocalDate followUpOn, String by,
            LocalDate today, Instant now) {
        require("complete");
        List<Violation> problems = new ArrayList<>();
        if (outcome == null) {
            problems.add(violation("outcome", "is required, one of " + List.of(Outcome.values())));
        }
        if (satisfaction != null && (satisfaction < 1 || satisfaction > 5)) {
            problems.add(violation("satisfaction", "must be 1–5"));
        } else if (satisfaction != null && !asksSatisfaction) {
            problems.add(violation("satisfaction", "item " + itemCode + " asks for no satisfaction score"));
        } else if (satisfaction == null && asksSatisfaction && outcome == Outcome.REACHED) {
            problems.add(violation("satisfaction", "is required (1–5): item " + itemCode + " asks for one"));
        } else if (satisfaction != null && outcome != null && outcome != Outcome.REACHED) {
            problems.add(violation("satisfaction", "only a REACHED customer gives a score"));
        }
        if (followUpOn != null && outcome != Outcome.NO_ANSWER && outcome != Outcome.RESCHEDULED) {
            problems.add(violation("followUpOn", "only after NO_ANSWER or RESCHEDULED"));
        } else if (followUpOn != null && (followUpOn.isBefore(today) || !followUpOn.isBefore(periodEnd))) {
            problems.add(violation("followUpOn", "must be from " + today + " to " + periodEnd.minusDays(1)
                    + " (the end of this occurrence's period)"));
        }
        notesProblem(notes).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        this.status = TaskStatus.DONE;
        this.outcome = outcome;
        this.satisfaction = satisfaction;
        this.notes = notes;
        this.closedAt = now;
        this.closedBy = by;
        boolean onTime = !today.isAfter(dueOn);
        TaskEvent event = event(Change.COMPLETED, now, new Details(null, null, null, outcome.name(), satisfaction,
                onTime, null, null, null, null));
        Scheduled followUp = null;
        if (followUpOn != null) {
            CarePlan.Item item = new CarePlan.Item(itemCode, scheme, tier, title, kind, channel, Cadence.YEARLY,
                    owner, 0, false, asksSatisfaction);
            Occurrence next = new Occurrence(item, today, followUpOn, periodEnd, assignee,
                    "follow-up of task " + id + " (" + outcome + "), booked for " + followUpOn);
            CareTask again = new CareTask();
            again.occasion = occasion;
            again.giftCode = giftCode;
            followUp = fill(again, customerId, next, planVersion, attempt + 1, now);
            followUp.task().pinned = pinned;
        }
        return new Completed(event, followUp);
    }

    /** Moves the due date (today or later, within the occurrence's period); the overdue watch starts again. */
    public TaskEvent reschedule(LocalDate newDueOn, String why, String by, LocalDate today, Instant now) {
        require("reschedule");
        if (newDueOn == null || newDueOn.isBefore(today) || !newDueOn.isBefore(periodEnd)) {
            throw new InvalidInputException("dueOn", "must be from " + today + " to " + periodEnd.minusDays(1)
                    + " (the end of this occurrence's period)");
        }
        requireReason(why);
        LocalDate previous = dueOn;
        dueOn = newDueOn;
        overdueAt = null;
        escalatedAt = null;
        reason = why.strip();
        return event(Change.RESCHEDULED, now, new Details(null, null, null, null, null, null, previous, null, null,
                null));
    }

    /** Skips this occurrence, with the reason (kept here, never published). */
    public TaskEvent skip(String why, String by, Instant now) {
        require("skip");
        requireReason(why);
        status = TaskStatus.SKIPPED;
        reason = why.strip();
        closedAt = now;
        closedBy = by;
        return event(Change.SKIPPED, now, Details.none());
    }

    /** Hands the task to someone else by hand: a later re-plan leaves it with them. */
    public TaskEvent reassign(String to, Instant now) {
        require("reassign");
        if (to == null || to.isBlank() || to.length() > 100) {
            throw new InvalidInputException("assignee", "must not be blank, at most 100 characters");
        }
        String previous = assignee;
        assignee = to.strip();
        pinned = true;
        return event(Change.REASSIGNED, now, new Details(null, null, null, null, null, null, null, previous, null,
                null));
    }

    /** A re-plan gives the task to the customer's (new) account manager. */
    public TaskEvent assignByPlan(String to, Instant now) {
        require("reassign");
        String previous = assignee;
        assignee = to;
        return event(Change.REASSIGNED, now, new Details(null, null, null, null, null, null, null, previous, null,
                null));
    }

    /** The plan does not ask for this task. */
    public TaskEvent cancel(String why, Instant now) {
        if (!status.isOpen()) {
            throw new ConflictException("cannot cancel task " + id + " while it is " + status);
        }
        status = TaskStatus.CANCELLED;
        reason = why;
        closedAt = now;
        closedBy = "care-plan";
        return event(Change.CANCELLED, now, new Details(null, null, null, null, null, null, null, null, null, why));
    }

    /** The overdue watch saw the due date pass with the task open: once per due date. */
    public TaskEvent markOverdue(Instant now) {
        if (!status.isOpen() || overdueAt != null) {
            throw new ConflictException("task " + id + " is " + status
                    + (overdueAt != null ? ", overdue already" : ""));
        }
        overdueAt = now;
        return event(Change.OVERDUE, now, Details.none());
    }

    /** Still overdue after the plan's grace: the supervisor takes it up, once. */
    public TaskEvent escalate(Instant now) {
        if (!status.isOpen() || overdueAt == null || escalatedAt != null) {
            throw new ConflictException("task " + id + " cannot be escalated (" + status + ")");
        }
        escalatedAt = now;
        return event(Change.ESCALATED, now, new Details(null, null, null, null, null, null, null, null, "SUPERVISOR",
                null));
    }

    /**
     * A task born escalated: an event asked for a supervisor's attention at once (a low complaint rating), so it
     * does not wait to become overdue first.
     */
    public TaskEvent escalateOnArrival(Instant now) {
        if (!status.isOpen() || occasion == null || escalatedAt != null) {
            throw new ConflictException("task " + id + " cannot be escalated on arrival (" + status + ")");
        }
        escalatedAt = now;
        return event(Change.ESCALATED, now, new Details(null, null, null, null, null, null, null, null, "SUPERVISOR",
                null));
    }

    /** Its period ended with the task still open: missed (coverage counts it). */
    public TaskEvent miss(Instant now) {
        if (!status.isOpen()) {
            throw new ConflictException("task " + id + " is " + status);
        }
        status = TaskStatus.MISSED;
        closedAt = now;
        closedBy = "overdue-watch";
        return event(Change.MISSED, now, new Details(null, periodEnd, null, null, null, null, null, null, null,
                null));
    }

    /** Erasure: the free text a person wrote goes; the task's facts stay for the coverage counts. */
    public void forget() {
        notes = null;
        if (status == TaskStatus.SKIPPED || (status != TaskStatus.CANCELLED && reason != null)) {
            reason = "erased";
        }
    }

    private TaskEvent event(Change change, Instant at, Details details) {
        return new TaskEvent(change, id, customerId, itemCode, scheme, tier, kind.name(), owner.name(), assignee,
                dueOn, attempt, at, occasion, giftCode, details);
    }

    private void require(String action) {
        Set<String> allowed = actions(status);
        if (!allowed.contains(action)) {
            throw new ConflictException("cannot " + action + " task " + id + " while it is " + status
                    + " (allowed now: " + (allowed.isEmpty() ? "none" : allowed.stream().sorted().toList()) + ")");
        }
    }

    private static void requireReason(String why) {
        if (why == null || why.isBlank() || why.length() > 500) {
            throw new InvalidInputException("reason", "must not be blank, at most 500 characters");
        }
    }

    private static Optional<Violation> notesProblem(String notes) {
        return notes != null && notes.length() > MAX_NOTES
                ? Optional.of(violation("notes", "at most " + MAX_NOTES + " characters"))
                : Optional.empty();
    }

    private static Violation violation(String field, String message) {
        return new Violation(field, message);
    }

    /** The event this task came from (null: the plan). */
    public String occasion() {
        return occasion;
    }

    /** The welcome gift this task delivers (null otherwise). */
    public String giftCode() {
        return giftCode;
    }

    public UUID id() {
        return id;
    }

    public UUID customerId() {
        return customerId;
    }

    public String itemCode() {
        return itemCode;
    }

    public String assignee() {
        return assignee;
    }

    public TaskStatus status() {
        return status;
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public LocalDate periodEnd() {
        return periodEnd;
    }

    public boolean pinned() {
        return pinned;
    }

    public String scheme() {
        return scheme;
    }

    public String tier() {
        return tier;
    }

    public String title() {
        return title;
    }

    public TaskKind kind() {
        return kind;
    }

    public CareChannel channel() {
        return channel;
    }

    public Owner owner() {
        return owner;
    }

    public int planVersion() {
        return planVersion;
    }

    public int attempt() {
        return attempt;
    }

    public LocalDate opensOn() {
        return opensOn;
    }

    public boolean asksSatisfaction() {
        return asksSatisfaction;
    }

    public Outcome outcome() {
        return outcome;
    }

    public Integer satisfaction() {
        return satisfaction;
    }

    public String notes() {
        return notes;
    }

    public String reason() {
        return reason;
    }

    public String explanation() {
        return explanation;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public String closedBy() {
        return closedBy;
    }

    public Instant overdueAt() {
        return overdueAt;
    }

    public Instant escalatedAt() {
        return escalatedAt;
    }
}
