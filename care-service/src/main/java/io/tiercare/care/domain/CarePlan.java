package io.tiercare.care.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.tiercare.chassis.http.Problem.Violation;

/**
 * The care plan as data: for each scheme and tier, the care items a customer there receives. An item recurs at its
 * cadence; each occurrence is a task, due within {@code dueWithinDays} (working days when {@code workingDays}) of the
 * day it opens. A task still overdue {@code escalateAfterWorkingDays} working days after its due date goes to the
 * supervisor.
 */
public record CarePlan(Integer escalateAfterWorkingDays, List<Item> items) {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final int MAX_ITEMS = 500;

    /** One recurring care item of a tier. */
    public record Item(String code, String scheme, String tier, String title, TaskKind kind, CareChannel channel,
            Cadence cadence, Owner owner, Integer dueWithinDays, Boolean workingDays, Boolean asksSatisfaction) {

        public boolean countsWorkingDays() {
            return Boolean.TRUE.equals(workingDays);
        }

        public boolean asksForSatisfaction() {
            return Boolean.TRUE.equals(asksSatisfaction);
        }

        /** "VALUE CORE: VISIT monthly, due within 5 working days, by the account manager". */
        public String describe() {
            return scheme + " " + tier + ": " + kind + " " + cadence.name().toLowerCase().replace('_', ' ')
                    + ", due within " + dueWithinDays + (countsWorkingDays() ? " working" : "") + " days, "
                    + switch (owner) {
                        case ACCOUNT_MANAGER -> "by the account manager";
                        case SALES -> "by the sales pool";
                        case AUTOMATED -> "sent automatically";
                    };
        }
    }

    /** The items a customer with these tiers (scheme → tier) receives, in plan order. */
    public List<Item> itemsFor(Map<String, String> tiers) {
        return items.stream().filter(i -> i.tier().equals(tiers.get(i.scheme()))).toList();
    }

    /** Every problem of the plan, each with the path of its field; empty when the plan may be stored. */
    public List<Violation> violations() {
        List<Violation> out = new ArrayList<>();
        if (escalateAfterWorkingDays == null || escalateAfterWorkingDays < 0 || escalateAfterWorkingDays > 60) {
            out.add(new Violation("escalateAfterWorkingDays", "is required, 0–60"));
        }
        if (items == null) {
            out.add(new Violation("items", "is required (an empty list plans no care)"));
            return out;
        }
        if (items.size() > MAX_ITEMS) {
            out.add(new Violation("items", "at most " + MAX_ITEMS + " items"));
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            String path = "items[" + i + "]";
            if (item == null) {
                out.add(new Violation(path, "must not be null"));
                continue;
            }
            if (item.code() == null || !CODE.matcher(item.code()).matches()) {
                out.add(new Violation(path + ".code", "must be 1–64 capitals, digits or _ starting with a letter"));
            } else if (!codes.add(item.code())) {
                out.add(new Violation(path + ".code", "duplicate item " + item.code()));
            }
            if (item.scheme() == null || !CODE.matcher(item.scheme()).matches()) {
                out.add(new Violation(path + ".scheme", "must be a scheme code (VALUE, VIP, GRADE, LIFECYCLE…)"));
            }
            if (item.tier() == null || !CODE.matcher(item.tier()).matches()) {
                out.add(new Violation(path + ".tier", "must be a tier code (CORE, IMPORTANT…)"));
            }
            if (item.title() == null || item.title().isBlank() || item.title().length() > 200) {
                out.add(new Violation(path + ".title", "must not be blank, at most 200 characters"));
            }
            required(item.kind(), path + ".kind", TaskKind.values(), out);
            required(item.channel(), path + ".channel", CareChannel.values(), out);
            required(item.cadence(), path + ".cadence", Cadence.values(), out);
            required(item.owner(), path + ".owner", Owner.values(), out);
            if (item.dueWithinDays() == null || item.dueWithinDays() < 0) {
                out.add(new Violation(path + ".dueWithinDays", "is required, 0 or more"));
            } else if (item.cadence() != null && span(item) >= item.cadence().shortestDays()) {
                out.add(new Violation(path + ".dueWithinDays", "a " + item.cadence() + " task must be due within "
                        + "its period (" + item.cadence().shortestDays() + " days; working days count as 7/5)"));
            }
            if (item.workingDays() == null) {
                out.add(new Violation(path + ".workingDays", "is required"));
            }
            if (item.asksSatisfaction() == null) {
                out.add(new Violation(path + ".asksSatisfaction", "is required"));
            }
        }
        return out;
    }

    /** The calendar days a due date can lie from its opening day, at most (ignoring holidays). */
    private static int span(Item item) {
        return item.countsWorkingDays() ? (item.dueWithinDays() * 7 + 4) / 5 : item.dueWithinDays();
    }

    private static void required(Enum<?> value, String path, Enum<?>[] allowed, List<Violation> out) {
        if (value == null) {
            List<String> names = new ArrayList<>();
            for (Enum<?> e : allowed) {
                names.add(e.name());
            }
            out.add(new Violation(path, "is required, one of " + names));
        }
    }
}
