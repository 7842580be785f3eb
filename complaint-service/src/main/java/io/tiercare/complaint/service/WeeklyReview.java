package io.tiercare.complaint.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The weekly review (每周复盘) for a period of business days: what came in (by category, channel, severity and the
 * customer's tier, the categories with their change against the period just before), how the SLA held per
 * milestone, how long acknowledging and resolving took, reopens, ratings, and the two targets (100 % resolved, 90 %
 * satisfied). Rates are fractions (0.92), times minutes.
 */
public record WeeklyReview(LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo, long filed,
        long resolved, BigDecimal resolutionRate, BigDecimal resolutionTarget, boolean resolutionTargetMet,
        long reopened, BigDecimal reopenRate, List<CategoryLine> categories, List<Line> channels,
        List<Line> severities, List<Line> tiers, List<SlaLine> sla, List<TimeLine> times, RatingLine ratings) {

    /** A category's complaints this period and the period before. */
    public record CategoryLine(String category, String nameZh, String nameEn, long count, BigDecimal share,
            long previous, long change) {
    }

    public record Line(String key, long count, BigDecimal share) {
    }

    /** {@code compliance}: met on time among the milestones decided (met or breached); null when none is. */
    public record SlaLine(String milestone, long met, long metOnTime, long breached, long open,
            BigDecimal compliance) {
    }

    /** From filing to the milestone met (first round). */
    public record TimeLine(String milestone, long count, BigDecimal meanMinutes, BigDecimal p90Minutes) {
    }

    public record RatingLine(long count, BigDecimal average, BigDecimal shareFourOrMore, BigDecimal target,
            boolean targetMet) {
    }
}
