package io.tiercare.tiering.repository;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.tiercare.tiering.domain.AppealStatus;
import io.tiercare.tiering.domain.TierAppeal;
import io.tiercare.tiering.domain.TierOverride;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/** Overrides and appeals: loaded and saved as aggregates; overrides expire in bulk, in one statement. */
@ApplicationScoped
public class AdjustmentRepository {

    private final EntityManager em;

    AdjustmentRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Adds the override; the one it replaces (ended by the caller) is written first, so that the customer never has
     * two in force in a scheme (a unique index holds it).
     */
    public void add(TierOverride override) {
        em.flush();
        em.persist(override);
    }

    /** The override in force in the scheme, if any. */
    public Optional<TierOverride> inForce(UUID customerId, String scheme) {
        return em.createQuery("from TierOverride where customerId = ?1 and schemeCode = ?2 and endedAt is null",
                TierOverride.class).setParameter(1, customerId).setParameter(2, scheme).getResultStream().findFirst();
    }

    /** The customer's overrides in force now. */
    public List<TierOverride> active(UUID customerId) {
        return em.createQuery("from TierOverride where customerId = ?1 and endedAt is null", TierOverride.class)
                .setParameter(1, customerId).getResultList();
    }

    /** Ends the customer's overrides whose expiry has come; returns their schemes. */
    public Set<String> expire(UUID customerId, Instant now) {
        return expireAll(List.of(customerId), now).getOrDefault(customerId, Set.of());
    }

    /** Ends the overrides of many customers whose expiry has come, in one statement: their schemes, by customer. */
    public Map<UUID, Set<String>> expireAll(List<UUID> customerIds, Instant now) {
        Map<UUID, Set<String>> ended = new HashMap<>();
        em.flush(); // what this transaction changed in overrides is written before the statement reads them
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (var update = connection.prepareStatement("""
                    update tier_override set ended_at = expires_at, ended_by = ?, version = version + 1
                    where customer_id = any(?) and ended_at is null and expires_at <= ?
                    returning customer_id, scheme_code""")) {
                update.setString(1, TierOverride.EXPIRY);
                update.setArray(2, connection.createArrayOf("uuid", customerIds.toArray()));
                update.setTimestamp(3, java.sql.Timestamp.from(now));
                try (var rows = update.executeQuery()) {
                    while (rows.next()) {
                        ended.computeIfAbsent(rows.getObject(1, UUID.class), k -> new HashSet<>())
                                .add(rows.getString(2));
                    }
                }
            }
        });
        return ended;
    }

    /** The overrides in force for many customers, by customer and scheme. */
    public Map<UUID, Map<String, TierOverride>> activeOf(List<UUID> customerIds) {
        Map<UUID, Map<String, TierOverride>> all = new HashMap<>();
        em.createQuery("from TierOverride where customerId in ?1 and endedAt is null", TierOverride.class)
                .setParameter(1, customerIds).getResultStream()
                .forEach(o -> all.computeIfAbsent(o.customerId(), k -> new HashMap<>()).put(o.scheme(), o));
        return all;
    }

    /** The schemes with an appeal pending, for many customers. */
    public Map<UUID, Set<String>> pendingSchemesOf(List<UUID> customerIds) {
        Map<UUID, Set<String>> all = new HashMap<>();
        Rows.forEach(em, "select customer_id, scheme_code from tier_appeal where customer_id = any(?) "
                + "and status = '" + AppealStatus.PENDING.name() + "'", customerIds,
                r -> all.computeIfAbsent(r.getObject(1, UUID.class), k -> new HashSet<>()).add(r.getString(2)));
        return all;
    }

    /** Every override of the customer, newest first: the audit trail. */
    public List<TierOverride> overrides(UUID customerId) {
        return em.createQuery("from TierOverride where customerId = ?1 order by createdAt desc, id",
                TierOverride.class).setParameter(1, customerId).getResultList();
    }

    public void add(TierAppeal appeal) {
        em.persist(appeal);
    }

    /** The schemes in which the customer has an appeal pending. */
    public Set<String> pendingSchemes(UUID customerId) {
        return em.createQuery("select a.schemeCode from TierAppeal a where a.customerId = ?1 and a.status = ?2",
                String.class).setParameter(1, customerId).setParameter(2, AppealStatus.PENDING).getResultStream()
                .collect(Collectors.toSet());
    }

    /** The appeal; {@code lock}: held until the transaction ends (to decide it). */
    public Optional<TierAppeal> appeal(UUID id, boolean lock) {
        return Optional.ofNullable(lock ? em.find(TierAppeal.class, id, LockModeType.PESSIMISTIC_WRITE)
                : em.find(TierAppeal.class, id));
    }

    /** Appeals in a status (or all: null), oldest first: the reviewers' queue. */
    public List<TierAppeal> appeals(AppealStatus status, int offset, int limit) {
        var query = status == null ? em.createQuery("from TierAppeal order by filedAt, id", TierAppeal.class)
                : em.createQuery("from TierAppeal where status = ?1 order by filedAt, id", TierAppeal.class)
                        .setParameter(1, status);
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long countAppeals(AppealStatus status) {
        return status == null ? em.createQuery("select count(*) from TierAppeal", Long.class).getSingleResult()
                : em.createQuery("select count(*) from TierAppeal where status = ?1", Long.class)
                        .setParameter(1, status).getSingleResult();
    }

    public List<TierAppeal> appealsOf(UUID customerId) {
        return em.createQuery("from TierAppeal where customerId = ?1 order by filedAt desc, id", TierAppeal.class)
                .setParameter(1, customerId).getResultList();
    }
}
