package io.tiercare.tiering.repository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.tiercare.tiering.domain.GradingScheme;
import io.tiercare.tiering.domain.PolicyDefinition;
import io.tiercare.tiering.domain.TierScheme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/** Tier schemes and their policy versions. */
@ApplicationScoped
public class SchemeRepository {

    /** A scheme with its current policy. */
    public record Scheme(String code, String name, String kind, String description, int version,
            PolicyDefinition policy, Instant updatedAt) {

        public boolean ranked() {
            return "RANKED".equals(kind);
        }

        /** The scheme as its rules see it. */
        public TierScheme rules() {
            return new TierScheme(code, ranked(), version, policy);
        }
    }

    /** One version of a scheme's policy. */
    public record PolicyVersion(String schemeCode, int version, PolicyDefinition policy, String note,
            String createdBy, Instant createdAt) {
    }

    private final EntityManager em;
    private final StoredPolicies stored;
    private final Map<String, PolicyDefinition> policies = new ConcurrentHashMap<>();

    SchemeRepository(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.stored = new StoredPolicies(mapper);
    }

    public List<Scheme> all() {
        return schemes("", null);
    }

    public Optional<Scheme> find(String code) {
        return schemes("where s.code = ?1", code).stream().findFirst();
    }

    /** The scheme to change, locked until the transaction ends (policy changes one at a time). */
    public Optional<GradingScheme> lock(String code) {
        return Optional.ofNullable(em.find(GradingScheme.class, code, LockModeType.PESSIMISTIC_WRITE));
    }

    public List<PolicyVersion> versions(String code) {
        return Rows.of(em.createNativeQuery("""
                select version, definition::text, note, created_by, created_at from tier_policy
                where scheme_code = ?1 order by version desc""").setParameter(1, code))
                .map(r -> new PolicyVersion(code, ((Number) r[0]).intValue(), read((String) r[1]), (String) r[2],
                        (String) r[3], (Instant) r[4]))
                .toList();
    }

    /**
     * Adds the policy as the scheme's version {@code version} (the one {@link GradingScheme#adopt} gave), written
     * after the scheme itself, whose version check it follows.
     */
    public void addVersion(GradingScheme scheme, int version, PolicyDefinition policy, String note, String author,
            Instant now) {
        em.flush(); // the scheme's update first: it fails if another change took this version meanwhile
        em.createNativeQuery("""
                insert into tier_policy (scheme_code, version, definition, note, created_by, created_at)
                values (?1, ?2, cast(?3 as jsonb), ?4, ?5, ?6)""")
                .setParameter(1, scheme.code()).setParameter(2, version).setParameter(3, write(policy))
                .setParameter(4, note).setParameter(5, author).setParameter(6, now).executeUpdate();
    }

    private List<Scheme> schemes(String where, String code) {
        var query = em.createNativeQuery("""
                select s.code, s.name, s.kind, s.description, s.current_version, s.updated_at from tier_scheme s
                """ + where + " order by s.code");
        if (code != null) {
            query.setParameter(1, code);
        }
        return Rows.of(query)
                .map(r -> new Scheme((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                        ((Number) r[4]).intValue(), policy((String) r[0], ((Number) r[4]).intValue()),
                        (Instant) r[5]))
                .toList();
    }

    /** A policy version, parsed once: versions never change once written, so the cache needs no invalidation. */
    private PolicyDefinition policy(String code, int version) {
        return policies.computeIfAbsent(code + ":" + version, key -> read((String) em.createNativeQuery(
                "select definition::text from tier_policy where scheme_code = ?1 and version = ?2")
                .setParameter(1, code).setParameter(2, version).getSingleResult()));
    }

    private PolicyDefinition read(String json) {
        return stored.read(json);
    }

    private String write(PolicyDefinition policy) {
        return stored.write(policy);
    }
}
