package io.tiercare.care.domain;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tiercare.chassis.http.Problem.Violation;

/**
 * The rules every message passes before it is placed, as data: a contact budget per customer per month that care
 * tasks, greetings and complaint communication all count against (complaint communication is never held back by it),
 * and quiet hours in the business time zone. {@link #decide} applies them with the customer's own wishes (consent
 * per channel, do-not-disturb, contact windows) and says why: send now, wait until a moment it may go, or suppress.
 */
public record ContactRules(int monthlyBudget, LocalTime quietFrom, LocalTime quietTo) {

    /** What the customer allowed, as customer.events told care-service. */
    public record Wishes(Map<String, Boolean> consents, boolean doNotDisturb, List<ContactWindow> windows,
            boolean erased) {
    }

    /** One customer's standing this month: contacts made so far. */
    public record Standing(int contactsThisMonth) {
    }

    public enum Verdict {
        SEND, WAIT, SUPPRESS
    }

    /** The outcome: send at once, wait until {@code at}, or suppress; {@code rule} names what decided it. */
    public record Decision(Verdict verdict, LocalDateTime at, String rule) {

        static Decision send(LocalDateTime now) {
            return new Decision(Verdict.SEND, now, null);
        }

        static Decision suppress(String rule) {
            return new Decision(Verdict.SUPPRESS, null, rule);
        }
    }

    /** Every problem with the rules, each naming its field. */
    public List<Violation> violations() {
        List<Violation> problems = new ArrayList<>();
        if (monthlyBudget < 1 || monthlyBudget > 100) {
            problems.add(new Violation("monthlyBudget", "must be 1–100 contacts a month"));
        }
        if (quietFrom == null) {
            problems.add(new Violation("quietFrom", "is required (equal to quietTo: no quiet hours)"));
        }
        if (quietTo == null) {
            problems.add(new Violation("quietTo", "is required (equal to quietFrom: no quiet hours)"));
        }
        return problems;
    }

    /**
     * Whether a message of this kind may go out on this channel at {@code now} (business time zone):
     * <ol>
     * <li>an erased customer gets nothing;</li>
     * <li>marketing needs the customer's consent for the channel, and is held back by do-not-disturb;</li>
     * <li>the monthly budget: marketing and service messages beyond it are suppressed; complaint communication is
     * never suppressed (it still counts);</li>
     * <li>timing: nothing during quiet hours; marketing only in the customer's contact windows, if they named any.
     * The message waits for the first moment both allow.</li>
     * </ol>
     */
    public Decision decide(OutreachKind kind, CareChannel channel, Wishes wishes, Standing standing,
            LocalDateTime now) {
        if (wishes.erased()) {
            return Decision.suppress("erased: the customer's data was erased");
        }
        if (kind.marketing() && !Boolean.TRUE.equals(wishes.consents().get(channel.name()))) {
            return Decision.suppress("consent: no marketing consent for " + channel);
        }
        if (kind.marketing() && wishes.doNotDisturb()) {
            return Decision.suppress("do-not-disturb: the customer asked not to be contacted");
        }
        if (!kind.complaint() && standing.contactsThisMonth() >= monthlyBudget) {
            return Decision.suppress("budget: " + standing.contactsThisMonth() + " contacts in "
                    + YearMonth.from(now) + " already, at most " + monthlyBudget);
        }
        List<ContactWindow> windows = kind.marketing() ? wishes.windows() : List.of();
        LocalDateTime at = firstAllowed(now, windows);
        if (at == null) {
            return Decision.suppress("window: no moment in the next week fits the customer's contact windows "
                    + "outside quiet hours");
        }
        if (at.equals(now)) {
            return Decision.send(now);
        }
        String rule = quiet(now.toLocalTime()) ? "quiet-hours: " + quietFrom + "–" + quietTo
                : "window: the customer's contact windows";
        return new Decision(Verdict.WAIT, at, rule);
    }

    /** The first minute from {@code now} outside quiet hours and (when there are any) inside a window. */
    LocalDateTime firstAllowed(LocalDateTime now, List<ContactWindow> windows) {
        LocalDateTime candidate = now;
        LocalDateTime horizon = now.plusDays(8);
        while (candidate.isBefore(horizon)) {
            if (quiet(candidate.toLocalTime())) {
                candidate = endOfQuiet(candidate);
                continue;
            }
            if (windows.isEmpty() || inWindow(candidate, windows)) {
                return candidate;
            }
            candidate = nextWindowStart(candidate, windows);
            if (candidate == null) {
                return null;
            }
        }
        return null;
    }

    boolean quiet(LocalTime time) {
        if (quietFrom.equals(quietTo)) {
            return false;
        }
        return quietFrom.isBefore(quietTo) ? !time.isBefore(quietFrom) && time.isBefore(quietTo)
                : !time.isBefore(quietFrom) || time.isBefore(quietTo);
    }

    private LocalDateTime endOfQuiet(LocalDateTime at) {
        LocalDateTime end = at.toLocalDate().atTime(quietTo);
        return end.isAfter(at) ? end : end.plusDays(1);
    }

    private static boolean inWindow(LocalDateTime at, List<ContactWindow> windows) {
        return windows.stream().anyMatch(w -> w.days().contains(at.getDayOfWeek())
                && !at.toLocalTime().isBefore(w.from()) && at.toLocalTime().isBefore(w.to()));
    }

    private static LocalDateTime nextWindowStart(LocalDateTime after, List<ContactWindow> windows) {
        LocalDateTime best = null;
        for (int day = 0; day <= 7; day++) {
            LocalDateTime date = after.toLocalDate().plusDays(day).atStartOfDay();
            DayOfWeek dayOfWeek = date.getDayOfWeek();
            for (ContactWindow window : windows) {
                LocalDateTime start = date.with(window.from());
                boolean sooner = best == null || start.isBefore(best);
                if (window.days().contains(dayOfWeek) && start.isAfter(after) && sooner) {
                    best = start;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return null;
    }
}
