package io.tiercare.care.repository;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.EntityManager;

/**
 * A table of versioned JSON documents (the care plan, the outreach policy): each version with its note, author and
 * time; the newest applies. Columns: {@code version, definition (jsonb), note, created_by, created_at}.
 */
public abstract class VersionedDocuments {

    /** A stored version: the definition as JSON. */
    public record Version(int version, String definition, String note, String createdBy, Instant createdAt) {
    }

    private final EntityManager em;
    private final String table;

    protected VersionedDocuments(EntityManager em, String table) {
        this.em = em;
        this.table = table;
    }

    /** The version in force; the migrations seed version 1. */
    public Version current() {
        return rows("order by version desc limit 1").stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + table + ": the migrations seed version 1"));
    }

    public Version version(int version) {
        return rows("where version = " + version).stream().findFirst().orElse(null);
    }

    public List<Version> history(int limit) {
        return rows("order by version desc limit " + limit);
    }

    /** Stores the next version; the table lock makes concurrent changes queue instead of colliding. */
    public Version add(String definition, String note, String by, Instant at) {
        em.createNativeQuery("lock table " + table + " in share row exclusive mode").executeUpdate();
        int next = ((Number) em.createNativeQuery("select coalesce(max(version), 0) + 1 from " + table)
                .getSingleResult()).intValue();
        em.createNativeQuery("insert into " + table + " (version, definition, note, created_by, created_at) "
                + "values (?1, cast(?2 as jsonb), ?3, ?4, ?5)")
                .setParameter(1, next).setParameter(2, definition).setParameter(3, note).setParameter(4, by)
                .setParameter(5, at).executeUpdate();
        return new Version(next, definition, note, by, at);
    }

    private List<Version> rows(String tail) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select version, definition::text, note, created_by, created_at from " + table + " " + tail)
                .getResultList();
        return rows.stream().map(r -> new Version(((Number) r[0]).intValue(), (String) r[1], (String) r[2],
                (String) r[3], (Instant) r[4])).toList();
    }
}
