package io.tiercare.care.repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Counts for the coverage report. An occurrence (a task and its follow-up attempts) counts once, in the period its
 * first due date falls in: done on time when its last attempt was completed by that date (business time zone),
 * late when after, missed when its period ended open; cancelled occurrences (the plan stopped asking) do not count.
 */
@ApplicationScoped
public class CoverageRepository {

    /** One row: a tier, a manager, or both; null where the grouping leaves it out. */
    public record Row(String scheme, String tier, String manager, long planned, long doneOnTime, long doneLate,
            long missed, long skipped, long open) {
    }

    /** How many of a tier's customers received a kind of care in the period. */
    public record Reach(String scheme, String tier, String kind, long customers, long reached) {
    }

    public record Target(String measure, String scheme, String tier, String kind, BigDecimal target) {
    }

    private final EntityManager em;

    CoverageRepository(EntityManager em) {
        this.em = em;
    }

    public List<Row> rows(LocalDate from, LocalDate to, boolean byTier, boolean byManager, String manager,
            ZoneId zone) {
        String groups = (byTier ? "scheme, tier" : "") + (byTier && byManager ? ", " : "")
                + (byManager ? "manager" : "");
        String select = (byTier ? "scheme, tier" : "null, null") + ", " + (byManager ? "manager" : "null");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                with firsts as (
                    select customer_id, item_code, period_end, due_on as first_due from care_task
                    where attempt = 1 and due_on between ?1 and ?2),
                occurrences as (
                    select distinct on (k.customer_id, k.item_code, k.period_end) k.scheme, k.tier,
                           coalesce(k.assignee, '(pool)') as manager, k.status, k.closed_at, f.first_due
                    from care_task k join firsts f using (customer_id, item_code, period_end)
                    order by k.customer_id, k.item_code, k.period_end, k.attempt desc)
                select %s, count(*),
                       count(*) filter (where status = 'DONE' and (closed_at at time zone ?3)::date <= first_due),
                       count(*) filter (where status = 'DONE' and (closed_at at time zone ?3)::date > first_due),
                       count(*) filter (where status = 'MISSED'),
                       count(*) filter (where status = 'SKIPPED'),
                       count(*) filter (where status in ('SCHEDULED', 'IN_PROGRESS'))
                from occurrences
                where status <> 'CANCELLED' and (?4 = '' or manager = ?4)
                %s""".formatted(select, groups.isEmpty() ? "" : "group by " + groups + " order by " + groups))
                .setParameter(1, from).setParameter(2, to).setParameter(3, zone.getId())
                .setParameter(4, manager == null ? "" : manager).getResultList();
        return rows.stream().map(r -> new Row((String) r[0], (String) r[1], (String) r[2], n(r[3]), n(r[4]),
                n(r[5]), n(r[6]), n(r[7]), n(r[8]))).toList();
    }

    /**
     * For each reach target: the tier's customers now (registered, neither merged nor erased) and how many of them
     * had a task of that kind completed (REACHED) within the period.
     */
    public List<Reach> reach(LocalDate from, LocalDate to, ZoneId zone, String manager) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select g.scheme, g.tier, g.kind,
                       (select count(*) from care_customer_tier t join care_customer c using (customer_id)
                        where t.scheme = g.scheme and t.tier = g.tier and c.registered and c.merged_into is null
                          and c.erased_at is null and (?4 = '' or c.account_manager_id = ?4)),
                       (select count(distinct k.customer_id) from care_task k
                        join care_customer_tier t on t.customer_id = k.customer_id and t.scheme = g.scheme
                                                 and t.tier = g.tier
                        join care_customer c on c.customer_id = k.customer_id
                        where k.kind = g.kind and k.status = 'DONE' and k.outcome = 'REACHED'
                          and (k.closed_at at time zone ?3)::date between ?1 and ?2
                          and c.registered and c.merged_into is null and c.erased_at is null
                          and (?4 = '' or c.account_manager_id = ?4))
                from coverage_target g where g.measure = 'REACHED_SHARE' order by g.scheme, g.tier, g.kind""")
                .setParameter(1, from).setParameter(2, to).setParameter(3, zone.getId())
                .setParameter(4, manager == null ? "" : manager).getResultList();
        return rows.stream().map(r -> new Reach((String) r[0], (String) r[1], (String) r[2], n(r[3]), n(r[4])))
                .toList();
    }

    public List<Target> targets() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select measure, scheme, tier, kind, target from coverage_target order by measure, scheme, tier, kind")
                .getResultList();
        return rows.stream().map(r -> new Target((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                (BigDecimal) r[4])).toList();
    }

    private static long n(Object value) {
        return ((Number) value).longValue();
    }
}
