package io.tiercare.tiering.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.tiercare.tiering.domain.TierChange;
import io.tiercare.tiering.domain.TierStanding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Each customer's current tier per scheme, and the history of changes. */
@ApplicationScoped
public class TierRepository {

    /** A customer's standing in one scheme; {@code explanation} is the last evaluation as JSON. */
    public record Standing(UUID customerId, String scheme, String tier, Instant since, int policyVersion,
            BigDecimal score, String explanation, String pendingTier, Instant downgradeAt, Instant warningAt,
            boolean warned, Instant evaluatedAt) {

        /** The standing as the rules see it. */
        public TierStanding toDomain() {
            return new TierStanding(customerId, scheme, tier, since, policyVersion, score, pendingTier, downgradeAt,
                    warningAt, warned);
        }
    }

    public record Change(long id, String scheme, String fromTier, String toTier, String direction, String reason,
            int policyVersion, BigDecimal score, Instant changedAt, String explanation) {
    }

    private final EntityManager em;

    TierRepository(EntityManager em) {
        this.em = em;
    }

    private static final String COLUMNS = """
            customer_id, scheme_code, tier, since, policy_version, score, explanation::text, pending_tier,
            downgrade_at, warning_at, warned, evaluated_at""";

    /** The customer's standings; {@code lock} holds them until the transaction ends (for a re-evaluation). */
    public List<Standing> standings(UUID customerId, boolean lock) {
        return Rows.of(em.createNativeQuery("select " + COLUMNS + " from customer_tier where customer_id = ?1 "
                + "order by scheme_code" + (lock ? " for update" : "")).setParameter(1, customerId))
                .map(TierRepository::standing).toList();
    }

    /** The standings of many customers, locked until the transaction ends, by customer and scheme. */
    public Map<UUID, Map<String, TierStanding>> standingsOf(List<UUID> customerIds) {
        Map<UUID, Map<String, TierStanding>> all = new HashMap<>();
        Rows.forEach(em, "select " + COLUMNS + " from customer_tier where customer_id = any(?) for update",
                customerIds, r -> {
                    TierStanding s = new TierStanding(r.getObject(1, UUID.class), r.getString(2), r.getString(3),
                            Rows.instant(r, 4), r.getInt(5), r.getBigDecimal(6), r.getString(8), Rows.instant(r, 9),
                            Rows.instant(r, 10), r.getBoolean(11));
                    all.computeIfAbsent(s.customerId(), k -> new HashMap<>()).put(s.scheme(), s);
                });
        return all;
    }

    /** Stores the standing with the evaluation's explanation (JSON) and when it was made. */
    public void save(TierStanding s, String explanation, Instant evaluatedAt) {
        em.createNativeQuery("""
                insert into customer_tier (customer_id, scheme_code, tier, since, policy_version, score, explanation,
                                           pending_tier, downgrade_at, warning_at, warned, evaluated_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb), ?8, ?9, ?10, ?11, ?12)
                on conflict (customer_id, scheme_code) do update set tier = excluded.tier, since = excluded.since,
                    policy_version = excluded.policy_version, score = excluded.score,
                    explanation = excluded.explanation, pending_tier = excluded.pending_tier,
                    downgrade_at = excluded.downgrade_at, warning_at = excluded.warning_at,
                    warned = excluded.warned, evaluated_at = excluded.evaluated_at""")
                .setParameter(1, s.customerId()).setParameter(2, s.scheme()).setParameter(3, s.tier())
                .setParameter(4, s.since()).setParameter(5, s.policyVersion()).setParameter(6, s.score())
                .setParameter(7, explanation).setParameter(8, s.pendingTier()).setParameter(9, s.downgradeAt())
                .setParameter(10, s.warningAt()).setParameter(11, s.warned()).setParameter(12, evaluatedAt)
                .executeUpdate();
    }

    /** Appends the change to the customer's history. */
    public void record(TierChange c) {
        em.createNativeQuery("""
                insert into tier_history (customer_id, scheme_code, from_tier, to_tier, direction, reason,
                                          policy_version, score, changed_at, explanation)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)""")
                .setParameter(1, c.customerId()).setParameter(2, c.scheme()).setParameter(3, c.fromTier())
                .setParameter(4, c.toTier()).setParameter(5, c.direction().name()).setParameter(6, c.reason())
                .setParameter(7, c.policyVersion()).setParameter(8, c.score()).setParameter(9, c.changedAt())
                .setParameter(10, c.summary()).executeUpdate();
    }

    public List<Change> history(UUID customerId, String scheme, int offset, int limit) {
        return Rows.of(em.createNativeQuery("select " + CHANGE_COLUMNS + """
                 from tier_history where customer_id = ?1 and (cast(?2 as text) is null or scheme_code = ?2)
                order by changed_at desc, id desc offset ?3 limit ?4""")
                .setParameter(1, customerId).setParameter(2, scheme).setParameter(3, offset)
                .setParameter(4, limit))
                .map(TierRepository::change).toList();
    }

    private static final String CHANGE_COLUMNS = """
            id, scheme_code, from_tier, to_tier, direction, reason, policy_version, score, changed_at, explanation""";

    private static Change change(Object[] r) {
        return new Change(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                (String) r[5], ((Number) r[6]).intValue(), (BigDecimal) r[7], (Instant) r[8], (String) r[9]);
    }

    /** One change of the customer's history. */
    public Optional<Change> change(UUID customerId, long changeId) {
        return Rows.of(em.createNativeQuery("select " + CHANGE_COLUMNS
                + " from tier_history where customer_id = ?1 and id = ?2").setParameter(1, customerId)
                .setParameter(2, changeId)).map(TierRepository::change).findFirst();
    }

    public long countHistory(UUID customerId, String scheme) {
        return ((Number) em.createNativeQuery("""
                select count(*) from tier_history
                where customer_id = ?1 and (cast(?2 as text) is null or scheme_code = ?2)""")
                .setParameter(1, customerId).setParameter(2, scheme).getSingleResult()).longValue();
    }

    public void deleteAll(UUID customerId) {
        em.createNativeQuery("delete from customer_tier where customer_id = ?1").setParameter(1, customerId)
                .executeUpdate();
    }

    private static Standing standing(Object[] r) {
        return new Standing((UUID) r[0], (String) r[1], (String) r[2], (Instant) r[3], ((Number) r[4]).intValue(),
                (BigDecimal) r[5], (String) r[6], (String) r[7], (Instant) r[8], (Instant) r[9], (Boolean) r[10],
                (Instant) r[11]);
    }
}
