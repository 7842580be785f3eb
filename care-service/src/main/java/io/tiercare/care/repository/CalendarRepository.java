package io.tiercare.care.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** care-service's copy of the working-day calendar that complaint-service maintains. */
@ApplicationScoped
public class CalendarRepository {

    /** A day as the API shows it. */
    public record CalendarDay(LocalDate day, boolean working, String name) {
    }

    private final EntityManager em;

    CalendarRepository(EntityManager em) {
        this.em = em;
    }

    /** Applies a change unless a newer one for that day is in; {@code working} null removes the exception. */
    public boolean apply(LocalDate day, Boolean working, String name, Instant changedAt) {
        return em.createNativeQuery("""
                insert into calendar_day (day, working, name, changed_at) values (?1, ?2, ?3, ?4)
                on conflict (day) do update set working = excluded.working, name = excluded.name,
                    changed_at = excluded.changed_at
                where calendar_day.changed_at <= excluded.changed_at""")
                .setParameter(1, day).setParameter(2, working).setParameter(3, name).setParameter(4, changedAt)
                .executeUpdate() > 0;
    }

    /** Every exception to Monday–Friday. */
    public Map<LocalDate, Boolean> exceptions() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select day, working from calendar_day where working is not null")
                .getResultList();
        Map<LocalDate, Boolean> out = new HashMap<>();
        rows.forEach(r -> out.put((LocalDate) r[0], (Boolean) r[1]));
        return out;
    }

    public List<CalendarDay> days(LocalDate from, LocalDate to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select day, working, name from calendar_day where working is not null and day between ?1 and ?2
                order by day""").setParameter(1, from).setParameter(2, to).getResultList();
        return rows.stream().map(r -> new CalendarDay((LocalDate) r[0], (Boolean) r[1], (String) r[2])).toList();
    }
}
