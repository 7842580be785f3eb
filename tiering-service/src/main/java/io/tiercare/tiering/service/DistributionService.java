package io.tiercare.tiering.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.tiercare.chassis.http.Problem.Violation;
import io.tiercare.chassis.problem.InvalidInputException;
import io.tiercare.chassis.time.BusinessTime;
import io.tiercare.tiering.domain.CustomerMetrics;
import io.tiercare.tiering.domain.Evaluator;
import io.tiercare.tiering.domain.Metric;
import io.tiercare.tiering.domain.PolicyDefinition;
import io.tiercare.tiering.domain.PolicyDefinition.TierRule;
import io.tiercare.tiering.domain.PolicyValidator;
import io.tiercare.tiering.repository.DistributionRepository;
import io.tiercare.tiering.repository.DistributionRepository.DayTotal;
import io.tiercare.tiering.repository.DistributionRepository.TierTotal;
import io.tiercare.tiering.repository.MetricsRepository;
import io.tiercare.tiering.repository.SchemeRepository;
import io.tiercare.tiering.repository.SchemeRepository.Scheme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Each scheme's distribution (count and trailing-12-month revenue per tier, the 80/20 check, the trend), and the
 * simulation of a draft policy: every customer graded by the current policy and by the draft, nothing written.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DistributionService {

    private static final int BATCH = 1000;
    private static final int SAMPLE = 20;

    public record TierShare(String tier, String name, long customers, BigDecimal customerShare,
            BigDecimal revenue12m, BigDecimal revenueShare) {
    }

    public record DayShare(LocalDate day, List<TierTotalView> tiers) {
    }

    public record Distribution(String scheme, int policyVersion, Instant asOf, long customers, BigDecimal revenue12m,
            BigDecimal topFifthRevenueShare, List<TierShare> tiers, List<DayShare> trend) {
    }

    /** How many customers a draft moves from one tier to another. */
    public record Movement(String from, String to, String direction, long customers) {
    }

    public record Move(UUID customerId, String from, String to, String direction) {
    }

    /** Before: the current policy's verdict today; after: the draft's. */
    public record Impact(String scheme, int currentVersion, Instant asOf, long customers, List<TierShare> before,
            List<TierShare> after, long movedUp, long movedDown, long movedAcross, long unchanged,
            List<Movement> movements, List<Move> sample) {
    }

    private final DistributionRepository distribution;
    private final MetricsRepository metrics;
    private final SchemeRepository schemes;
    private final TierLookup lookup;
    private final BusinessTime businessTime;
    private final Clock clock;

    DistributionService(DistributionRepository distribution, MetricsRepository metrics, SchemeRepository schemes,
            TierLookup lookup, BusinessTime businessTime, Clock clock) {
        this.distribution = distribution;
        this.metrics = metrics;
        this.schemes = schemes;
        this.lookup = lookup;
        this.businessTime = businessTime;
        this.clock = clock;
    }

    public Distribution distribution(String code, int trendDays) {
        Scheme scheme = lookup.scheme(code);
        Instant now = clock.instant();
        LocalDate today = now.atZone(businessTime.zone()).toLocalDate();
        YearMonth month = YearMonth.from(today);
        LocalDate from = month.minusMonths(11).atDay(1);
        LocalDate to = month.atDay(1);
        List<TierShare> tiers = shares(scheme.policy(), distribution.current(scheme.code(), from, to));
        BigDecimal[] fifth = distribution.topFifth(from, to);
        List<DayShare> trend = distribution.days(scheme.code(), today.minusDays(trendDays), today).stream()
                .collect(Collectors.groupingBy(DayTotal::day, LinkedHashMap::new, Collectors.mapping(
                        d -> new TierTotalView(d.tier(), d.customers(), d.revenue12m()), Collectors.toList())))
                .entrySet().stream().map(e -> new DayShare(e.getKey(), e.getValue())).toList();
        return new Distribution(scheme.code(), scheme.version(), now, tiers.stream().mapToLong(TierShare::customers)
                .sum(), total(tiers), share(fifth[0], fifth[1]), tiers, trend);
    }

    /** Records today's distribution of every scheme (after an evaluation job): the trend's data. */
    @Transactional
    public void snapshot() {
        LocalDate today = clock.instant().atZone(businessTime.zone()).toLocalDate();
        YearMonth month = YearMonth.from(today);
        for (Scheme scheme : schemes.all()) {
            distribution.snapshot(scheme.code(), today,
                    distribution.current(scheme.code(), month.minusMonths(11).atDay(1), month.atDay(1)));
        }
    }

    /** Grades every customer by the current policy and by the draft; changes nothing. */
    public Impact simulate(String code, PolicyDefinition draft) {
        List<Violation> problems = PolicyValidator.violations(draft).stream()
                .map(v -> new Violation("policy." + v.field(), v.message())).toList();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Scheme scheme = lookup.scheme(code);
        PolicyDefinition current = scheme.policy();
        Instant now = clock.instant();
        ZoneId zone = businessTime.zone();
        LocalDate today = now.atZone(zone).toLocalDate();
        Map<String, long[]> before = new LinkedHashMap<>();
        Map<String, BigDecimal> beforeRevenue = new LinkedHashMap<>();
        Map<String, long[]> after = new LinkedHashMap<>();
        Map<String, BigDecimal> afterRevenue = new LinkedHashMap<>();
        Map<String, Movement> movements = new LinkedHashMap<>();
        List<Move> sample = new ArrayList<>();
        long up = 0;
        long down = 0;
        long across = 0;
        long unchanged = 0;
        UUID cursor = null;
        List<UUID> ids;
        do {
            ids = metrics.gradedAfter(cursor, BATCH);
            for (CustomerMetrics facts : metrics.loadAll(ids)) {
                Map<Metric, BigDecimal> values = facts.valuesOn(today, zone);
                BigDecimal revenue = values.getOrDefault(Metric.SPEND_12M, BigDecimal.ZERO);
                Evaluator.Evaluation was = Evaluator.evaluate(current, values);
                Evaluator.Evaluation will = Evaluator.evaluate(draft, values);
                count(before, beforeRevenue, was.tier(), revenue);
                count(after, afterRevenue, will.tier(), revenue);
                if (was.tier().equals(will.tier())) {
                    unchanged++;
                    continue;
                }
                String direction = !scheme.ranked() ? "ACROSS" : will.index() > was.index() ? "DOWN" : "UP";
                switch (direction) {
                    case "UP" -> up++;
                    case "DOWN" -> down++;
                    default -> across++;
                }
                movements.merge(was.tier() + ">" + will.tier(), new Movement(was.tier(), will.tier(), direction, 1),
                        (a, b) -> new Movement(a.from(), a.to(), a.direction(), a.customers() + 1));
                if (sample.size() < SAMPLE) {
                    sample.add(new Move(facts.customerId(), was.tier(), will.tier(), direction));
                }
            }
            cursor = ids.isEmpty() ? null : ids.get(ids.size() - 1);
        } while (ids.size() == BATCH);
        List<TierShare> beforeShares = shares(current, totals(before, beforeRevenue));
        return new Impact(scheme.code(), scheme.version(), now, up + down + across + unchanged, beforeShares,
                shares(draft, totals(after, afterRevenue)), up, down, across, unchanged,
                movements.values().stream().sorted((a, b) -> Long.compare(b.customers(), a.customers())).toList(),
                sample);
    }

    private static void count(Map<String, long[]> counts, Map<String, BigDecimal> revenue, String tier,
            BigDecimal spend) {
        counts.computeIfAbsent(tier, t -> new long[1])[0]++;
        revenue.merge(tier, spend, BigDecimal::add);
    }

    private static List<TierTotal> totals(Map<String, long[]> counts, Map<String, BigDecimal> revenue) {
        return counts.entrySet().stream().map(e -> new TierTotal(e.getKey(), e.getValue()[0],
                revenue.get(e.getKey()))).toList();
    }

    /** Every tier of the policy in its order, with shares of customers and revenue (a tier nobody holds: 0). */
    private static List<TierShare> shares(PolicyDefinition policy, List<TierTotal> totals) {
        Map<String, TierTotal> byTier = totals.stream().collect(Collectors.toMap(TierTotal::tier,
                Function.identity()));
        long customers = totals.stream().mapToLong(TierTotal::customers).sum();
        BigDecimal revenue = totals.stream().map(TierTotal::revenue12m).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<TierShare> shares = new ArrayList<>();
        for (TierRule rule : policy.tiers()) {
            TierTotal t = byTier.getOrDefault(rule.code(), new TierTotal(rule.code(), 0, BigDecimal.ZERO));
            shares.add(new TierShare(rule.code(), rule.name(), t.customers(),
                    share(BigDecimal.valueOf(t.customers()), BigDecimal.valueOf(customers)),
                    t.revenue12m().setScale(2, RoundingMode.HALF_UP), share(t.revenue12m(), revenue)));
        }
        return shares;
    }

    private static BigDecimal total(List<TierShare> tiers) {
        return tiers.stream().map(TierShare::revenue12m).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal share(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? BigDecimal.ZERO.setScale(4) : part.divide(whole, 4, RoundingMode.HALF_UP);
    }

}
