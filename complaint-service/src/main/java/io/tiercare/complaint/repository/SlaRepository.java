package io.tiercare.complaint.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** SLA policy versions and the working-day calendar's exceptions. */
@ApplicationScoped
public class SlaRepository {

    /** A stored policy version; {@code definition} is its JSON. */
    public record PolicyRow(int version, String definition, String note, String createdBy, Instant createdAt) {
    }

    /** A day that differs from "Monday to Friday": a holiday, or a weekend day worked instead (调休). */
    public record CalendarDay(LocalDate day, boolean working, String name) {
    }

    private final EntityManager em;

    SlaRepository(EntityManager em) {
        this.em = em;
    }

    public PolicyRow current() {
        return policies(0, 1).get(0);
    }

    public PolicyRow version(int version) {
        return rows(em.createNativeQuery("select version, definition::text, note, created_by, created_at "
                + "from sla_policy where version = ?1").setParameter(1, version).getResultList()).stream()
                .findFirst().orElse(null);
    }

    public List<PolicyRow> policies(int offset, int limit) {
        return rows(em.createNativeQuery("select version, definition::text, note, created_by, created_at "
                + "from sla_policy order by version desc offset ?1 limit ?2").setParameter(1, offset)
                .setParameter(2, limit).getResultList());
    }

    /** Adds the next version; the table lock makes concurrent changes take their turns. */
    public PolicyRow add(String definition, String note, String by, Instant now) {
        em.createNativeQuery("lock table sla_policy in share row exclusive mode").executeUpdate();
        int next = ((Number) em.createNativeQuery("select coalesce(max(version), 0) + 1 from sla_policy")
                .getSingleResult()).intValue();
        em.createNativeQuery("""
                insert into sla_policy (version, definition, note, created_by, created_at)
                values (?1, cast(?2 as jsonb), ?3, ?4, ?5)""").setParameter(1, next).setParameter(2, definition)
                .setParameter(3, note).setParameter(4, by).setParameter(5, now).executeUpdate();
        return version(next);
    }

    @SuppressWarnings("unchecked")
    private static List<PolicyRow> rows(List<?> result) {
        return ((List<Object[]>) result).stream().map(r -> new PolicyRow(((Number) r[0]).intValue(), (String) r[1],
                (String) r[2], (String) r[3], (Instant) r[4])).toList();
    }

    /** Every exception, day → working. */
    public Map<LocalDate, Boolean> exceptions() {
        Map<LocalDate, Boolean> days = new HashMap<>();
        calendar(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31)).forEach(d -> days.put(d.day(), d.working()));
        return days;
    }

    @SuppressWarnings("unchecked")
    public List<CalendarDay> calendar(LocalDate from, LocalDate to) {
        return ((List<Object[]>) em.createNativeQuery(
                "select day, working, name from calendar_day where day between ?1 and ?2 order by day")
                .setParameter(1, from).setParameter(2, to).getResultList()).stream()
                .map(r -> new CalendarDay((LocalDate) r[0], (Boolean) r[1], (String) r[2])).toList();
    }

    public void putDay(CalendarDay day) {
        em.createNativeQuery("""
                insert into calendar_day (day, working, name) values (?1, ?2, ?3)
                on conflict (day) do update set working = excluded.working, name = excluded.name""")
                .setParameter(1, day.day()).setParameter(2, day.working()).setParameter(3, day.name())
                .executeUpdate();
    }

    public boolean deleteDay(LocalDate day) {
        return em.createNativeQuery("delete from calendar_day where day = ?1").setParameter(1, day)
                .executeUpdate() == 1;
    }
}
