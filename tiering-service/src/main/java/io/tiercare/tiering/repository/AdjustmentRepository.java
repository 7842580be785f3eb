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

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Manual overrides and appeals: what people decide about a customer's tier besides the rules. */
@ApplicationScoped
public class AdjustmentRepository {

    public record TierOverride(UUID id, UUID customerId, String scheme, String tier, String reason, Instant expiresAt,
            String createdBy, Instant createdAt, Instant endedAt, String endedBy, UUID appealId) {
    }

    public record Appeal(UUID id, UUID customerId, String scheme, long changeId, String appealedFromTier,
            String appealedToTier, String reason, String filedBy, Instant filedAt, String status,
            String decisionReason, String decidedBy, Instant decidedAt) {
    }

    private final EntityManager em;

    AdjustmentRepository(EntityManager em) {
        this.em = em;
    }

    private static final String OVERRIDE_COLUMNS = """
            id, customer_id, scheme_code, tier, reason, expires_at, created_by, created_at, ended_at, ended_by,
            appeal_id""";

    private static final String APPEAL_COLUMNS = """
            id, customer_id, scheme_code, change_id, appealed_from_tier, appealed_to_tier, reason, filed_by, filed_at,
            status, decision_reason, decided_by, decided_at""";

    public void insert(TierOverride o) {
        em.createNativeQuery("""
                insert into tier_override (id, customer_id, scheme_code, tier, reason, expires_at, created_by,
                                           created_at, appeal_id)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""")
                .setParameter(1, o.id()).setParameter(2, o.customerId()).setParameter(3, o.scheme())
                .setParameter(4, o.tier()).setParameter(5, o.reason()).setParameter(6, o.expiresAt())
                .setParameter(7, o.createdBy()).setParameter(8, o.createdAt()).setParameter(9, o.appealId())
                .executeUpdate();
    }

    /** The customer's overrides in force now, by scheme. */
    public List<TierOverride> active(UUID customerId) {
        return Rows.of(em.createNativeQuery("select " + OVERRIDE_COLUMNS
                + " from tier_override where customer_id = ?1 and ended_at is null").setParameter(1, customerId))
                .map(AdjustmentRepository::override).toList();
    }

    /** Ends the override in force in the scheme, if any; returns whether there was one. */
    public boolean end(UUID customerId, String scheme, Instant at, String by) {
        return em.createNativeQuery("""
                update tier_override set ended_at = ?3, ended_by = ?4
                where customer_id = ?1 and scheme_code = ?2 and ended_at is null""")
                .setParameter(1, customerId).setParameter(2, scheme).setParameter(3, at).setParameter(4, by)
                .executeUpdate() > 0;
    }

    /** Ends the customer's overrides whose expiry has come; returns their schemes. */
    public Set<String> expire(UUID customerId, Instant now) {
        return Rows.of(em.createNativeQuery("""
                update tier_override set ended_at = expires_at, ended_by = 'expiry'
                where customer_id = ?1 and ended_at is null and expires_at <= ?2
                returning scheme_code, id""").setParameter(1, customerId).setParameter(2, now))
                .map(r -> (String) r[0]).collect(Collectors.toSet());
    }

    /** {@link #expire} for many customers: the schemes whose override just ended, by customer. */
    public Map<UUID, Set<String>> expireAll(List<UUID> customerIds, Instant now) {
        Map<UUID, Set<String>> ended = new HashMap<>();
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (var update = connection.prepareStatement("""
                    update tier_override set ended_at = expires_at, ended_by = 'expiry'
                    where customer_id = any(?) and ended_at is null and expires_at <= ?
                    returning customer_id, scheme_code""")) {
                update.setArray(1, connection.createArrayOf("uuid", customerIds.toArray()));
                update.setTimestamp(2, java.sql.Timestamp.from(now));
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
        Rows.forEach(em, "select " + OVERRIDE_COLUMNS + " from tier_override where customer_id = any(?) "
                + "and ended_at is null", customerIds, r -> {
                    TierOverride o = new TierOverride(r.getObject(1, UUID.class), r.getObject(2, UUID.class),
                            r.getString(3), r.getString(4), r.getString(5), Rows.instant(r, 6), r.getString(7),
                            Rows.instant(r, 8), Rows.instant(r, 9), r.getString(10), r.getObject(11, UUID.class));
                    all.computeIfAbsent(o.customerId(), k -> new HashMap<>()).put(o.scheme(), o);
                });
        return all;
    }

    /** The schemes with an appeal pending, for many customers. */
    public Map<UUID, Set<String>> pendingSchemesOf(List<UUID> customerIds) {
        Map<UUID, Set<String>> all = new HashMap<>();
        Rows.forEach(em, "select customer_id, scheme_code from tier_appeal where customer_id = any(?) "
                + "and status = 'PENDING'", customerIds,
                r -> all.computeIfAbsent(r.getObject(1, UUID.class), k -> new HashSet<>()).add(r.getString(2)));
        return all;
    }

    public List<TierOverride> overrides(UUID customerId) {
        return Rows.of(em.createNativeQuery("select " + OVERRIDE_COLUMNS
                + " from tier_override where customer_id = ?1 order by created_at desc, id")
                .setParameter(1, customerId)).map(AdjustmentRepository::override).toList();
    }

    public void insert(Appeal a) {
        em.createNativeQuery("""
                insert into tier_appeal (id, customer_id, scheme_code, change_id, appealed_from_tier,
                                         appealed_to_tier, reason, filed_by, filed_at, status)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'PENDING')""")
                .setParameter(1, a.id()).setParameter(2, a.customerId()).setParameter(3, a.scheme())
                .setParameter(4, a.changeId()).setParameter(5, a.appealedFromTier())
                .setParameter(6, a.appealedToTier()).setParameter(7, a.reason()).setParameter(8, a.filedBy())
                .setParameter(9, a.filedAt()).executeUpdate();
    }

    /** The schemes in which the customer has an appeal pending. */
    public Set<String> pendingSchemes(UUID customerId) {
        return Rows.of(em.createNativeQuery("""
                select scheme_code, id from tier_appeal where customer_id = ?1 and status = 'PENDING'""")
                .setParameter(1, customerId)).map(r -> (String) r[0]).collect(Collectors.toSet());
    }

    public Optional<Appeal> appeal(UUID id, boolean lock) {
        return Rows.of(em.createNativeQuery("select " + APPEAL_COLUMNS + " from tier_appeal where id = ?1"
                + (lock ? " for update" : "")).setParameter(1, id)).map(AdjustmentRepository::appeal).findFirst();
    }

    public void decide(UUID id, String status, String reason, String by, Instant at) {
        em.createNativeQuery("""
                update tier_appeal set status = ?2, decision_reason = ?3, decided_by = ?4, decided_at = ?5
                where id = ?1""").setParameter(1, id).setParameter(2, status).setParameter(3, reason)
                .setParameter(4, by).setParameter(5, at).executeUpdate();
    }

    /** Appeals in a status (or all), oldest first: the reviewers' queue. */
    public List<Appeal> appeals(String status, int offset, int limit) {
        return Rows.of(em.createNativeQuery("select " + APPEAL_COLUMNS + """
                 from tier_appeal where (cast(?1 as text) is null or status = ?1)
                order by filed_at, id offset ?2 limit ?3""").setParameter(1, status).setParameter(2, offset)
                .setParameter(3, limit)).map(AdjustmentRepository::appeal).toList();
    }

    public long countAppeals(String status) {
        return ((Number) em.createNativeQuery("""
                select count(*) from tier_appeal where (cast(?1 as text) is null or status = ?1)""")
                .setParameter(1, status).getSingleResult()).longValue();
    }

    public List<Appeal> appealsOf(UUID customerId) {
        return Rows.of(em.createNativeQuery("select " + APPEAL_COLUMNS
                + " from tier_appeal where customer_id = ?1 order by filed_at desc, id").setParameter(1, customerId))
                .map(AdjustmentRepository::appeal).toList();
    }

    private static TierOverride override(Object[] r) {
        return new TierOverride((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4], (Instant) r[5],
                (String) r[6], (Instant) r[7], (Instant) r[8], (String) r[9], (UUID) r[10]);
    }

    private static Appeal appeal(Object[] r) {
        return new Appeal((UUID) r[0], (UUID) r[1], (String) r[2], ((Number) r[3]).longValue(), (String) r[4],
                (String) r[5], (String) r[6], (String) r[7], (Instant) r[8], (String) r[9], (String) r[10],
                (String) r[11], (Instant) r[12]);
    }
}
