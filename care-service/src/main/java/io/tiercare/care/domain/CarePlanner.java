package io.tiercare.care.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.tiercare.care.domain.CarePlan.Item;

/**
 * Decides a customer's care from the plan and what we know of them: which items they receive, when each occurrence
 * is due, and — when their tier, account manager or the plan changes — which open tasks to keep, cancel or hand to
 * someone else. Pure: no clock, no database; it says why.
 */
public final class CarePlanner {

    private CarePlanner() {
    }

    /** What planning needs to know of a customer. {@code active}: registered, neither merged away nor erased. */
    public record Customer(UUID customerId, boolean active, Map<String, String> tiers, String accountManagerId,
            List<ContactWindow> contactWindows) {
    }

    /**
     * An open task as it stands. {@code pinned}: reassigned by hand, so a plan never moves it back;
     * {@code occasion}: the event that asked for it (a welcome gift, a complaint follow-up), null for the plan's.
     */
    public record OpenTask(UUID id, String itemCode, String assignee, boolean pinned, LocalDate periodEnd,
            String occasion) {

        /** A task the plan opened. */
        public OpenTask(UUID id, String itemCode, String assignee, boolean pinned, LocalDate periodEnd) {
            this(id, itemCode, assignee, pinned, periodEnd, null);
        }
    }

    /** One occurrence of an item: opens, is due, and its period ends (the next one opens then). */
    public record Occurrence(Item item, LocalDate opensOn, LocalDate dueOn, LocalDate periodEnd, String assignee,
            String explanation) {
    }

    public record Cancel(UUID taskId, String itemCode, String reason) {
    }

    public record Reassign(UUID taskId, String itemCode, String from, String to) {
    }

    /**
     * The decision: occurrences to open now (items newly in the plan), open tasks to cancel and to reassign, items
     * kept as they are, items to stop scheduling, and items whose open task is adopted as their current occurrence
     * (item → the day the next one opens).
     */
    public record Replan(List<Occurrence> open, List<Cancel> cancel, List<Reassign> reassign, List<String> kept,
            List<String> unscheduled, Map<String, LocalDate> adopted) {

        public boolean changesNothing() {
            return open.isEmpty() && cancel.isEmpty() && reassign.isEmpty() && unscheduled.isEmpty()
                    && adopted.isEmpty();
        }
    }

    /**
     * Re-plans a customer. {@code scheduled}: the items that recur for them now; {@code open}: their open tasks;
     * {@code cause} says why (it becomes the reason of each cancellation). Done tasks are never looked at. The same
     * inputs always give the same decision, so an event delivered twice changes nothing the second time.
     */
    public static Replan replan(CarePlan plan, Customer customer, Set<String> scheduled, List<OpenTask> open,
            WorkingDays calendar, LocalDate today, String cause) {
        Map<String, Item> wanted = new LinkedHashMap<>();
        if (customer.active()) {
            plan.itemsFor(customer.tiers()).forEach(i -> wanted.put(i.code(), i));
        }
        Map<String, OpenTask> openByItem = new LinkedHashMap<>();
        open.stream().filter(t -> t.occasion() == null).forEach(t -> openByItem.put(t.itemCode(), t));
        List<Occurrence> opening = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        Map<String, LocalDate> adopted = new LinkedHashMap<>();
        for (Item item : wanted.values()) {
            if (scheduled.contains(item.code())) {
                kept.add(item.code());
            } else if (openByItem.containsKey(item.code())) {
                adopted.put(item.code(), openByItem.get(item.code()).periodEnd());
            } else {
                opening.add(occurrence(item, customer, today, calendar));
            }
        }
        List<String> unscheduled = scheduled.stream().filter(code -> !wanted.containsKey(code)).sorted().toList();
        List<Cancel> cancel = new ArrayList<>();
        List<Reassign> reassign = new ArrayList<>();
        for (OpenTask task : open) {
            Item item = wanted.get(task.itemCode());
            if (task.occasion() != null) {
                // an event's task is the plan's neither to keep nor to cancel; it follows the account manager
                if (customer.active() && !task.pinned()
                        && !Objects.equals(task.assignee(), customer.accountManagerId())) {
                    reassign.add(new Reassign(task.id(), task.itemCode(), task.assignee(),
                            customer.accountManagerId()));
                }
            } else if (item == null) {
                cancel.add(new Cancel(task.id(), task.itemCode(), cause + ": the plan does not ask for "
                        + task.itemCode()));
            } else if (item.owner() == Owner.ACCOUNT_MANAGER && !task.pinned()
                    && !Objects.equals(task.assignee(), customer.accountManagerId())) {
                reassign.add(new Reassign(task.id(), task.itemCode(), task.assignee(), customer.accountManagerId()));
            }
        }
        return new Replan(opening, cancel, reassign, kept, unscheduled, adopted);
    }

    /**
     * The occurrence of {@code item} that opens on {@code opensOn}: due {@code dueWithinDays} (working) days later,
     * moved to a day of the customer's contact windows when they named some (the latest such day before the due
     * date, else the first after it within the period), and never after its period.
     */
    public static Occurrence occurrence(Item item, Customer customer, LocalDate opensOn, WorkingDays calendar) {
        LocalDate periodEnd = item.cadence().next(opensOn);
        LocalDate due = item.countsWorkingDays() ? calendar.plus(opensOn, item.dueWithinDays())
                : opensOn.plusDays(item.dueWithinDays());
        StringBuilder why = new StringBuilder(item.describe());
        if (!due.isBefore(periodEnd)) {
            due = periodEnd.minusDays(1);
            why.append("; the last day of its period");
        }
        Set<DayOfWeek> days = windowDays(customer.contactWindows());
        if (!days.isEmpty() && !days.contains(due.getDayOfWeek())) {
            LocalDate moved = null;
            for (LocalDate d = due.minusDays(1); !d.isBefore(opensOn); d = d.minusDays(1)) {
                if (days.contains(d.getDayOfWeek())) {
                    moved = d;
                    break;
                }
            }
            for (LocalDate d = due.plusDays(1); moved == null && d.isBefore(periodEnd); d = d.plusDays(1)) {
                if (days.contains(d.getDayOfWeek())) {
                    moved = d;
                }
            }
            if (moved != null) {
                why.append("; moved from ").append(due).append(" to ").append(moved)
                        .append(" (").append(moved.getDayOfWeek()).append("), the customer's contact window");
                due = moved;
            }
        }
        String assignee = item.owner() == Owner.ACCOUNT_MANAGER ? customer.accountManagerId() : null;
        return new Occurrence(item, opensOn, due, periodEnd, assignee, why.toString());
    }

    private static Set<DayOfWeek> windowDays(List<ContactWindow> windows) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (windows != null) {
            windows.forEach(w -> days.addAll(w.days()));
        }
        return days;
    }
}
