package io.tiercare.care.repository;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import io.tiercare.care.domain.ContactRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The versions of the contact rules. */
@ApplicationScoped
public class ContactRulesRepository {

    /** A stored version. */
    public record RulesRow(int version, ContactRules rules, String author, String note, Instant createdAt) {
    }

    private final EntityManager em;

    ContactRulesRepository(EntityManager em) {
        this.em = em;
    }

    public RulesRow current() {
        return rows("order by version desc limit 1").stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no contact rules: the migrations seed version 1"));
    }

    public List<RulesRow> history(int limit) {
        return rows("order by version desc limit " + limit);
    }

    /** Stores the next version; the table lock makes concurrent changes queue instead of colliding. */
    public RulesRow add(ContactRules rules, String author, String note, Instant at) {
        em.createNativeQuery("lock table contact_rules in share row exclusive mode").executeUpdate();
        int next = ((Number) em.createNativeQuery("select coalesce(max(version), 0) + 1 from contact_rules")
                .getSingleResult()).intValue();
        em.createNativeQuery("""
                insert into contact_rules (version, monthly_budget, quiet_from, quiet_to, author, note, created_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, next).setParameter(2, rules.monthlyBudget()).setParameter(3, rules.quietFrom())
                .setParameter(4, rules.quietTo()).setParameter(5, author).setParameter(6, note).setParameter(7, at)
                .executeUpdate();
        return new RulesRow(next, rules, author, note, at);
    }

    private List<RulesRow> rows(String tail) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select version, monthly_budget, quiet_from, quiet_to, author, "
                + "note, created_at from contact_rules " + tail).getResultList();
        return rows.stream().map(r -> new RulesRow(((Number) r[0]).intValue(), new ContactRules(
                ((Number) r[1]).intValue(), time(r[2]), time(r[3])), (String) r[4], (String) r[5], (Instant) r[6]))
                .toList();
    }

    private static LocalTime time(Object value) {
        return value instanceof java.sql.Time t ? t.toLocalTime() : (LocalTime) value;
    }
}
