package io.tiercare.complaint.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The weekly review's figures, each one query over the complaints filed (or rated) in a period. */
@ApplicationScoped
public class ReviewRepository {

    /** A count under a key (a category, a channel, a severity, a tier). */
    public record Count(String key, long count) {
    }

    /** One milestone kind's outcomes among the complaints filed in the period. */
    public record MilestoneOutcome(String milestone, long met, long metOnTime, long breached, long open) {
    }

    /** Time from filing to a milestone met (first round), in seconds. */
    public record Timing(String milestone, long count, Double meanSeconds, Double p90Seconds) {
    }

    public record Totals(long filed, long resolved, long reopened) {
    }

    public record Ratings(long count, BigDecimal average, long fourOrMore) {
    }

    private final EntityManager em;

    ReviewRepository(EntityManager em) {
        this.em = em;
    }

    public List<Count> countBy(String column, Instant from, Instant to) {
        String expression = switch (column) {
            case "category" -> "category_code";
            case "channel" -> "channel";
            case "severity" -> "severity";
            case "tier" -> "coalesce(customer_tier, 'UNGRADED')";
            default -> throw new IllegalArgumentException(column);
        };
        return rows(em.createNativeQuery("select " + expression + ", count(*) from complaint"
                + " where filed_at >= ?1 and filed_at < ?2 group by 1 order by 2 desc, 1")
                .setParameter(1, from).setParameter(2, to).getResultList()).stream()
                .map(r -> new Count((String) r[0], ((Number) r[1]).longValue())).toList();
    }

    public Totals totals(Instant from, Instant to) {
        Object[] r = (Object[]) em.createNativeQuery("""
                select count(*), count(*) filter (where status in ('RESOLVED', 'CLOSED')),
                       count(*) filter (where reopen_count > 0)
                from complaint where filed_at >= ?1 and filed_at < ?2""").setParameter(1, from).setParameter(2, to)
                .getSingleResult();
        return new Totals(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue());
    }

    /** Outcomes as of {@code now}: an open milestone past its deadline counts as breached. */
    public List<MilestoneOutcome> milestones(Instant from, Instant to, Instant now) {
        return rows(em.createNativeQuery("""
                select m.kind,
                       count(*) filter (where m.met_at is not null),
                       count(*) filter (where m.met_at is not null and m.breached_at is null
                                        and (m.due_at is null or m.met_at <= m.due_at)),
                       count(*) filter (where m.breached_at is not null
                                        or (m.met_at is null and m.due_at <= ?3)
                                        or (m.met_at is not null and m.met_at > m.due_at)),
                       count(*) filter (where m.met_at is null and m.breached_at is null
                                        and (m.due_at is null or m.due_at > ?3))
                from complaint_milestone m join complaint c on c.id = m.complaint_id
                where c.filed_at >= ?1 and c.filed_at < ?2
                group by m.kind order by case m.kind when 'ACKNOWLEDGE' then 1 when 'PLAN' then 2 else 3 end""")
                .setParameter(1, from).setParameter(2, to).setParameter(3, now).getResultList()).stream()
                .map(r -> new MilestoneOutcome((String) r[0], ((Number) r[1]).longValue(),
                        ((Number) r[2]).longValue(), ((Number) r[3]).longValue(), ((Number) r[4]).longValue()))
                .toList();
    }

    public List<Timing> timings(Instant from, Instant to) {
        return rows(em.createNativeQuery("""
                select m.kind, count(*), avg(extract(epoch from m.met_at - c.filed_at)),
                       percentile_cont(0.9) within group (order by extract(epoch from m.met_at - c.filed_at))
                from complaint_milestone m join complaint c on c.id = m.complaint_id
                where c.filed_at >= ?1 and c.filed_at < ?2 and m.round = 1 and m.met_at is not null
                  and m.kind in ('ACKNOWLEDGE', 'RESOLVE')
                group by m.kind order by m.kind""").setParameter(1, from).setParameter(2, to).getResultList())
                .stream().map(r -> new Timing((String) r[0], ((Number) r[1]).longValue(),
                        r[2] == null ? null : ((Number) r[2]).doubleValue(),
                        r[3] == null ? null : ((Number) r[3]).doubleValue())).toList();
    }

    /** Ratings given in the period. */
    public Ratings ratings(Instant from, Instant to) {
        Object[] r = (Object[]) em.createNativeQuery("""
                select count(*), round(avg(rating), 2), count(*) filter (where rating >= 4)
                from complaint_rating where rated_at >= ?1 and rated_at < ?2""").setParameter(1, from)
                .setParameter(2, to).getSingleResult();
        return new Ratings(((Number) r[0]).longValue(), (BigDecimal) r[1], ((Number) r[2]).longValue());
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(List<?> result) {
        return (List<Object[]>) result;
    }
}
