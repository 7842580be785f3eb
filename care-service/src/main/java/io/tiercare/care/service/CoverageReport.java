package io.tiercare.care.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.tiercare.care.repository.CoverageRepository;
import io.tiercare.care.repository.CoverageRepository.Reach;
import io.tiercare.care.repository.CoverageRepository.Row;
import io.tiercare.care.repository.CoverageRepository.Target;
import io.tiercare.chassis.problem.InvalidInputException;
import io.tiercare.chassis.time.BusinessTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The coverage monitor: per period, per tier and per account manager, occurrences planned vs done on time vs done
 * late vs missed; the share of each tier's customers reached (default target: every CORE customer visited); each
 * share against its target, which is data.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CoverageReport {

    /** How rows are grouped. */
    public enum GroupBy {
        TIER, MANAGER, TIER_AND_MANAGER
    }

    public record Line(String scheme, String tier, String manager, long planned, long doneOnTime, long doneLate,
            long missed, long skipped, long open, BigDecimal onTimeShare, BigDecimal onTimeTarget, Boolean met) {
    }

    public record ReachLine(String scheme, String tier, String kind, long customers, long reached, BigDecimal share,
            BigDecimal target, boolean met) {
    }

    public record Report(LocalDate from, LocalDate to, GroupBy groupBy, List<Line> rows, Line total,
            List<ReachLine> reach) {
    }

    /** The longest period one report covers. */
    static final int MAX_DAYS = 366;

    private final CoverageRepository repository;
    private final BusinessTime businessTime;

    CoverageReport(CoverageRepository repository, BusinessTime businessTime) {
        this.repository = repository;
        this.businessTime = businessTime;
    }

    /** The report for [from, to] (default: this month); an account manager's covers their own customers only. */
    public Report report(LocalDate from, LocalDate to, GroupBy groupBy, Access access) {
        LocalDate today = businessTime.today();
        LocalDate start = from != null ? from : today.withDayOfMonth(1);
        LocalDate end = to != null ? to : start.plusMonths(1).minusDays(1);
        if (end.isBefore(start)) {
            throw new InvalidInputException("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw new InvalidInputException("to", "a report covers at most " + MAX_DAYS + " days");
        }
        GroupBy by = groupBy == null ? GroupBy.TIER : groupBy;
        String manager = access.managerScope().orElse(null);
        List<Target> targets = repository.targets();
        List<Line> rows = repository.rows(start, end, by != GroupBy.MANAGER, by != GroupBy.TIER, manager,
                businessTime.zone()).stream().map(r -> line(r, targets)).toList();
        Line total = repository.rows(start, end, false, false, manager, businessTime.zone()).stream()
                .map(r -> line(r, targets)).findFirst().orElseThrow();
        List<ReachLine> reach = repository.reach(start, end, businessTime.zone(), manager).stream()
                .map(r -> reach(r, targets)).toList();
        return new Report(start, end, by, rows, total, reach);
    }

    private static Line line(Row r, List<Target> targets) {
        long done = r.doneOnTime() + r.doneLate() + r.missed() + r.skipped();
        BigDecimal share = done == 0 ? null : ratio(r.doneOnTime(), done);
        BigDecimal target = r.tier() == null ? null : targets.stream()
                .filter(t -> t.measure().equals("ON_TIME_SHARE") && t.scheme().equals(r.scheme())
                        && t.tier().equals(r.tier()))
                .map(Target::target).findFirst().orElse(null);
        return new Line(r.scheme(), r.tier(), r.manager(), r.planned(), r.doneOnTime(), r.doneLate(), r.missed(),
                r.skipped(), r.open(), share, target, target == null || share == null ? null
                        : share.compareTo(target) >= 0);
    }

    private static ReachLine reach(Reach r, List<Target> targets) {
        BigDecimal share = r.customers() == 0 ? BigDecimal.ONE.setScale(4) : ratio(r.reached(), r.customers());
        BigDecimal target = targets.stream().filter(t -> t.measure().equals("REACHED_SHARE")
                && t.scheme().equals(r.scheme()) && t.tier().equals(r.tier()) && t.kind().equals(r.kind()))
                .map(Target::target).findFirst().orElseThrow();
        return new ReachLine(r.scheme(), r.tier(), r.kind(), r.customers(), r.reached(), share, target,
                share.compareTo(target) >= 0);
    }

    private static BigDecimal ratio(long part, long whole) {
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
