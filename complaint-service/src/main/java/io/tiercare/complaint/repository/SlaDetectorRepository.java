package io.tiercare.complaint.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.tiercare.complaint.domain.event.SlaAlert;
import io.tiercare.complaint.domain.event.SlaAlert.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Claims the milestones that became at risk or were breached, each once: a single statement marks them and returns
 * them, taking the milestone rows {@code FOR UPDATE SKIP LOCKED}, so replicas running the detector at the same time
 * take different rows, and a milestone an action is changing right now is left for the next pass. Only the detector
 * writes {@code at_risk_at} and the escalation level, and milestones are updated column by column
 * ({@code @DynamicUpdate}), so an action never overwrites what the detector marked.
 */
@ApplicationScoped
public class SlaDetectorRepository {

    private final EntityManager em;

    SlaDetectorRepository(EntityManager em) {
        this.em = em;
    }

    /** Open milestones past their at-risk moment and not yet due: escalation level 1. */
    public List<SlaAlert> claimAtRisk(Instant now, int limit) {
        return claim(Kind.AT_RISK, """
                with due as (
                    select m.id from complaint_milestone m join complaint c on c.id = m.complaint_id
                    where m.met_at is null and m.at_risk_at is null and m.warn_at <= ?1 and m.due_at > ?1
                    order by m.warn_at limit ?2 for update of m skip locked)
                update complaint_milestone m set at_risk_at = ?1, escalation_level = greatest(m.escalation_level, 1)
                from due, complaint c where m.id = due.id and c.id = m.complaint_id
                returning m.complaint_id, c.customer_id, c.category_code, c.severity, m.kind, m.round, m.due_at""",
                now, limit);
    }

    /** Open milestones past their deadline: the breach is recorded (at the deadline), escalation level 2. */
    public List<SlaAlert> claimBreached(Instant now, int limit) {
        return claim(Kind.BREACHED, """
                with due as (
                    select m.id from complaint_milestone m join complaint c on c.id = m.complaint_id
                    where m.met_at is null and m.breached_at is null and m.due_at <= ?1
                    order by m.due_at limit ?2 for update of m skip locked)
                update complaint_milestone m set breached_at = m.due_at, at_risk_at = coalesce(m.at_risk_at, ?1),
                    escalation_level = greatest(m.escalation_level, 2)
                from due, complaint c where m.id = due.id and c.id = m.complaint_id
                returning m.complaint_id, c.customer_id, c.category_code, c.severity, m.kind, m.round, m.due_at""",
                now, limit);
    }

    @SuppressWarnings("unchecked")
    private List<SlaAlert> claim(Kind kind, String sql, Instant now, int limit) {
        int level = kind == Kind.AT_RISK ? 1 : 2;
        String to = kind == Kind.AT_RISK ? "SUPERVISOR" : "MANAGER";
        return ((List<Object[]>) em.createNativeQuery(sql).setParameter(1, now).setParameter(2, limit)
                .getResultList()).stream()
                .map(r -> new SlaAlert(kind, (UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4],
                        ((Number) r[5]).intValue(), (Instant) r[6], now, level, to, kind.name()))
                .toList();
    }
}
