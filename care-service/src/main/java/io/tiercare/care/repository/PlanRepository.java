package io.tiercare.care.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The versions of the care plan. */
@ApplicationScoped
public class PlanRepository {

    /** A stored version: the definition as JSON. */
    public record PlanRow(int version, String definition, String note, String createdBy, Instant createdAt) {
    }

    private final EntityManager em;

    PlanRepository(EntityManager em) {
        this.em = em;
    }

    public PlanRow current() {
        return rows("order by version desc limit 1").stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no care plan: the migrations seed version 1"));
    }

    public PlanRow version(int version) {
        return rows("where version = " + version).stream().findFirst().orElse(null);
    }

    public List<PlanRow> history(int limit) {
        return rows("order by version desc limit " + limit);
    }

    /** Stores the next version; the table lock makes concurrent changes queue instead of colliding. */
    public PlanRow add(String definition, String note, String by, Instant at) {
        em.createNativeQuery("lock table care_plan in share row exclusive mode").executeUpdate();
        int next = ((Number) em.createNativeQuery("select coalesce(max(version), 0) + 1 from care_plan")
                .getSingleResult()).intValue();
        em.createNativeQuery("""
                insert into care_plan (version, definition, note, created_by, created_at)
                values (?1, cast(?2 as jsonb), ?3, ?4, ?5)""")
                .setParameter(1, next).setParameter(2, definition).setParameter(3, note).setParameter(4, by)
                .setParameter(5, at).executeUpdate();
        return new PlanRow(next, definition, note, by, at);
    }

    private List<PlanRow> rows(String tail) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select version, definition::text, note, created_by, created_at from care_plan " + tail)
                .getResultList();
        return rows.stream().map(r -> new PlanRow(((Number) r[0]).intValue(), (String) r[1], (String) r[2],
                (String) r[3], (Instant) r[4])).toList();
    }
}
