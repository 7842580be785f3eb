package io.tiercare.complaint.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.tiercare.chassis.problem.InvalidInputException;
import io.tiercare.chassis.time.BusinessTime;
import io.tiercare.complaint.repository.CategoryRepository;
import io.tiercare.complaint.repository.CategoryRepository.Category;
import io.tiercare.complaint.repository.ReviewRepository;
import io.tiercare.complaint.repository.ReviewRepository.Count;
import io.tiercare.complaint.repository.ReviewRepository.Ratings;
import io.tiercare.complaint.repository.ReviewRepository.Totals;
import io.tiercare.complaint.service.WeeklyReview.CategoryLine;
import io.tiercare.complaint.service.WeeklyReview.Line;
import io.tiercare.complaint.service.WeeklyReview.RatingLine;
import io.tiercare.complaint.service.WeeklyReview.SlaLine;
import io.tiercare.complaint.service.WeeklyReview.TimeLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Builds the weekly review for any period of business days, and its CSV. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReviewService {

    static final BigDecimal RESOLUTION_TARGET = BigDecimal.ONE.setScale(2);
    static final BigDecimal SATISFACTION_TARGET = new BigDecimal("0.90");
    private static final int MAX_DAYS = 366;

    private final ReviewRepository review;
    private final CategoryRepository categories;
    private final BusinessTime businessTime;
    private final Clock clock;

    ReviewService(ReviewRepository review, CategoryRepository categories, BusinessTime businessTime, Clock clock) {
        this.review = review;
        this.categories = categories;
        this.businessTime = businessTime;
        this.clock = clock;
    }

    /** {@code from} to {@code to}, both included (business days); without them, last week (Monday to Sunday). */
    public WeeklyReview review(LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            LocalDate lastMonday = businessTime.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                    .minusWeeks(1);
            from = lastMonday;
            to = lastMonday.plusDays(6);
        } else if (from == null || to == null) {
            throw new InvalidInputException(from == null ? "from" : "to", "give both from and to, or neither");
        }
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "must not be before from");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_DAYS) {
            throw new InvalidInputException("to", "a review spans at most " + MAX_DAYS + " days");
        }
        LocalDate previousTo = from.minusDays(1);
        LocalDate previousFrom = previousTo.minusDays(days - 1);
        Instant start = start(from);
        Instant end = start(to.plusDays(1));
        Instant now = clock.instant();

        Totals totals = review.totals(start, end);
        List<Count> byCategory = review.countBy("category", start, end);
        Map<String, Long> previous = review.countBy("category", start(previousFrom), start).stream()
                .collect(Collectors.toMap(Count::key, Count::count));
        Map<String, Category> names = categories.list(null, null).stream()
                .collect(Collectors.toMap(Category::code, Function.identity()));
        List<CategoryLine> categoryLines = byCategory.stream().map(c -> {
            Category category = names.get(c.key());
            long before = previous.getOrDefault(c.key(), 0L);
            return new CategoryLine(c.key(), category == null ? null : category.nameZh(),
                    category == null ? null : category.nameEn(), c.count(), share(c.count(), totals.filed()), before,
                    c.count() - before);
        }).toList();

        List<SlaLine> sla = review.milestones(start, end, now).stream().map(m -> new SlaLine(m.milestone(), m.met(),
                m.metOnTime(), m.breached(), m.open(), share(m.metOnTime(), m.metOnTime() + m.breached()))).toList();
        List<TimeLine> times = review.timings(start, end).stream().map(t -> new TimeLine(t.milestone(), t.count(),
                minutes(t.meanSeconds()), minutes(t.p90Seconds()))).toList();
        Ratings ratings = review.ratings(start, end);
        BigDecimal satisfied = share(ratings.fourOrMore(), ratings.count());
        BigDecimal resolutionRate = share(totals.resolved(), totals.filed());
        return new WeeklyReview(from, to, previousFrom, previousTo, totals.filed(), totals.resolved(), resolutionRate,
                RESOLUTION_TARGET, resolutionRate != null && resolutionRate.compareTo(RESOLUTION_TARGET) >= 0,
                totals.reopened(), share(totals.reopened(), totals.resolved()), categoryLines,
                lines(review.countBy("channel", start, end), totals.filed()),
                lines(review.countBy("severity", start, end), totals.filed()),
                lines(review.countBy("tier", start, end), totals.filed()), sla, times,
                new RatingLine(ratings.count(), ratings.average(), satisfied, SATISFACTION_TARGET,
                        satisfied != null && satisfied.compareTo(SATISFACTION_TARGET) >= 0));
    }

    /** The review as CSV: one row per figure, columns section, key, count, share, previous, change, value. */
    public String csv(WeeklyReview r) {
        StringBuilder out = new StringBuilder("section,key,count,share,previous,change,value\n");
        row(out, "period", r.from() + "/" + r.to(), null, null, null, null, r.previousFrom() + "/" + r.previousTo());
        row(out, "totals", "filed", r.filed(), null, null, null, null);
        row(out, "totals", "resolved", r.resolved(), r.resolutionRate(), null, null,
                "target " + r.resolutionTarget());
        row(out, "totals", "reopened", r.reopened(), r.reopenRate(), null, null, null);
        for (CategoryLine c : r.categories()) {
            row(out, "category", c.category(), c.count(), c.share(), c.previous(), c.change(), c.nameZh());
        }
        r.channels().forEach(l -> row(out, "channel", l.key(), l.count(), l.share(), null, null, null));
        r.severities().forEach(l -> row(out, "severity", l.key(), l.count(), l.share(), null, null, null));
        r.tiers().forEach(l -> row(out, "tier", l.key(), l.count(), l.share(), null, null, null));
        for (SlaLine s : r.sla()) {
            row(out, "sla", s.milestone(), s.metOnTime() + s.breached(), s.compliance(), null, null,
                    "met " + s.met() + "; on time " + s.metOnTime() + "; breached " + s.breached() + "; open "
                            + s.open());
        }
        for (TimeLine t : r.times()) {
            row(out, "minutes-to-" + t.milestone().toLowerCase(), "mean", t.count(), null, null, null,
                    t.meanMinutes());
            row(out, "minutes-to-" + t.milestone().toLowerCase(), "p90", t.count(), null, null, null,
                    t.p90Minutes());
        }
        RatingLine ratings = r.ratings();
        row(out, "ratings", "average", ratings.count(), null, null, null, ratings.average());
        row(out, "ratings", "four-or-more", ratings.count(), ratings.shareFourOrMore(), null, null,
                "target " + ratings.target());
        return out.toString();
    }

    private static void row(StringBuilder out, Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells[i]));
        }
        out.append('\n');
    }

    /** RFC 4180 quoting; a leading = + - @ is defused so spreadsheets never run a cell as a formula. */
    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
            text = '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private List<Line> lines(List<Count> counts, long total) {
        return counts.stream().map(c -> new Line(c.key(), c.count(), share(c.count(), total))).toList();
    }

    private Instant start(LocalDate day) {
        return day.atStartOfDay(businessTime.zone()).toInstant();
    }

    private static BigDecimal share(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static BigDecimal minutes(Double seconds) {
        return seconds == null ? null : BigDecimal.valueOf(seconds / 60).setScale(1, RoundingMode.HALF_UP);
    }
}
