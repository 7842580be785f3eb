package io.tiercare.tiering.repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** How customers and their trailing-12-month revenue spread over a scheme's tiers, now and day by day. */
@ApplicationScoped
public class DistributionRepository {

    /** One tier's count and revenue (net spend over the 12 months {@code from}..{@code to}). */
    public record TierTotal(String tier, long customers, BigDecimal revenue12m) {
    }

    public record DayTotal(LocalDate day, String tier, long customers, BigDecimal revenue12m) {
    }

    private final EntityManager em;

    DistributionRepository(EntityManager em) {
        this.em = em;
    }

    private static final String REVENUE = """
            with revenue as (
                select customer_id, sum(gross - refunded) as spend from spend_month
                where month between ?1 and ?2 group by customer_id)
            """;

    /** The scheme's tiers as held now by graded customers (not merged away, not erased). */
    public List<TierTotal> current(String scheme, LocalDate fromMonth, LocalDate toMonth) {
        return Rows.of(em.createNativeQuery(REVENUE + """
                select t.tier, count(*), coalesce(sum(r.spend), 0)
                from customer_tier t
                join customer_metrics m on m.customer_id = t.customer_id and m.merged_into is null
                                       and m.erased_at is null
                left join revenue r on r.customer_id = t.customer_id
                where t.scheme_code = ?3 group by t.tier""").setParameter(1, fromMonth).setParameter(2, toMonth)
                .setParameter(3, scheme))
                .map(r -> new TierTotal((String) r[0], ((Number) r[1]).longValue(), (BigDecimal) r[2])).toList();
    }

    /** The revenue of the top fifth of customers by revenue, and of all: the 80/20 check. */
    public BigDecimal[] topFifth(LocalDate fromMonth, LocalDate toMonth) {
        Object[] row = (Object[]) em.createNativeQuery(REVENUE + """
                , ranked as (
                    select coalesce(r.spend, 0) as spend, ntile(5) over (order by coalesce(r.spend, 0) desc) as fifth
                    from customer_metrics m left join revenue r on r.customer_id = m.customer_id
                    where m.merged_into is null and m.erased_at is null)
                select coalesce(sum(spend) filter (where fifth = 1), 0), coalesce(sum(spend), 0) from ranked""")
                .setParameter(1, fromMonth).setParameter(2, toMonth).getSingleResult();
        return new BigDecimal[] { (BigDecimal) row[0], (BigDecimal) row[1] };
    }

    public void snapshot(String scheme, LocalDate day, List<TierTotal> totals) {
        em.createNativeQuery("delete from tier_distribution_day where scheme_code = ?1 and day = ?2")
                .setParameter(1, scheme).setParameter(2, day).executeUpdate();
        for (TierTotal t : totals) {
            em.createNativeQuery("""
                    insert into tier_distribution_day (scheme_code, day, tier, customers, revenue12m)
                    values (?1, ?2, ?3, ?4, ?5)""").setParameter(1, scheme).setParameter(2, day)
                    .setParameter(3, t.tier()).setParameter(4, t.customers()).setParameter(5, t.revenue12m())
                    .executeUpdate();
        }
    }

    public List<DayTotal> days(String scheme, LocalDate from, LocalDate to) {
        return Rows.of(em.createNativeQuery("""
                select day, tier, customers, revenue12m from tier_distribution_day
                where scheme_code = ?1 and day between ?2 and ?3 order by day, tier""").setParameter(1, scheme)
                .setParameter(2, from).setParameter(3, to))
                .map(r -> new DayTotal((LocalDate) r[0], (String) r[1], ((Number) r[2]).longValue(),
                        (BigDecimal) r[3])).toList();
    }
}
