package io.tiercare.complaint.repository;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.Session;

import io.tiercare.chassis.id.TimeOrderedUuid;
import io.tiercare.complaint.domain.Complaint;
import io.tiercare.complaint.domain.ComplaintStatus;
import io.tiercare.complaint.domain.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/** Complaints, their milestones and their timelines. */
@ApplicationScoped
public class ComplaintRepository {

    /** One line of a complaint's timeline. */
    public record Action(UUID id, String action, String actor, Instant at, String fromStatus, String toStatus,
            String note) {

        /** The action without the words its author wrote. */
        public Action withoutNote() {
            return new Action(id, action, actor, at, fromStatus, toStatus, null);
        }
    }

    private final EntityManager em;

    ComplaintRepository(EntityManager em) {
        this.em = em;
    }

    public void persist(Complaint complaint) {
        em.persist(complaint);
    }

    public Optional<Complaint> find(UUID id) {
        return Optional.ofNullable(em.find(Complaint.class, id));
    }

    /** The complaint, locked for an action (concurrent actions take their turns). */
    public Optional<Complaint> lock(UUID id) {
        return Optional.ofNullable(em.find(Complaint.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public Optional<Complaint> byIdempotencyKey(String key) {
        return em.createQuery("from Complaint where idempotencyKey = ?1", Complaint.class).setParameter(1, key)
                .getResultStream().findFirst();
    }

    /** Complaints newest first; {@code managedBy} (null: anyone's) keeps one account manager's customers only. */
    public List<Complaint> list(UUID customerId, ComplaintStatus status, String category, String managedBy,
            int offset, int limit) {
        return em.createQuery("from Complaint c where " + FILTER + " order by c.filedAt desc, c.id desc",
                Complaint.class).setParameter(1, customerId).setParameter(2, status).setParameter(3, category)
                .setParameter(4, managedBy).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long count(UUID customerId, ComplaintStatus status, String category, String managedBy) {
        return em.createQuery("select count(c) from Complaint c where " + FILTER, Long.class)
                .setParameter(1, customerId).setParameter(2, status).setParameter(3, category)
                .setParameter(4, managedBy).getSingleResult();
    }

    private static final String FILTER = """
            (?1 is null or c.customerId = ?1) and (?2 is null or c.status = ?2) and (?3 is null or c.categoryCode = ?3)
            and (?4 is null or c.customerId in (
                select a.customerId from CustomerAssignment a where a.accountManagerId = ?4))""";

    public void record(UUID complaint, String action, String actor, Instant at, ComplaintStatus from,
            ComplaintStatus to, String note) {
        em.createNativeQuery("""
                insert into complaint_action (id, complaint_id, action, actor, at, from_status, to_status, note)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""").setParameter(1, TimeOrderedUuid.next())
                .setParameter(2, complaint).setParameter(3, action).setParameter(4, actor).setParameter(5, at)
                .setParameter(6, from == null ? null : from.name()).setParameter(7, to == null ? null : to.name())
                .setParameter(8, note).executeUpdate();
    }

    public void rating(UUID complaint, int resolution, int rating, String comment, String by, Instant at) {
        em.createNativeQuery("""
                insert into complaint_rating (complaint_id, resolution, rating, comment, rated_by, rated_at)
                values (?1, ?2, ?3, ?4, ?5, ?6)""").setParameter(1, complaint).setParameter(2, resolution)
                .setParameter(3, rating).setParameter(4, comment).setParameter(5, by).setParameter(6, at)
                .executeUpdate();
    }

    /** A complaint's ratings, one per rated resolution. */
    public record Rating(int resolution, int rating, String comment, String ratedBy, Instant ratedAt) {
    }

    @SuppressWarnings("unchecked")
    public List<Rating> ratings(UUID complaint) {
        return ((List<Object[]>) em.createNativeQuery("""
                select resolution, rating, comment, rated_by, rated_at from complaint_rating
                where complaint_id = ?1 order by resolution""").setParameter(1, complaint).getResultList()).stream()
                .map(r -> new Rating(((Number) r[0]).intValue(), ((Number) r[1]).intValue(), (String) r[2],
                        (String) r[3], (Instant) r[4])).toList();
    }

    @SuppressWarnings("unchecked")
    public List<Action> timeline(UUID complaint) {
        return ((List<Object[]>) em.createNativeQuery("""
                select id, action, actor, at, from_status, to_status, note from complaint_action
                where complaint_id = ?1 order by at, id""").setParameter(1, complaint).getResultList()).stream()
                .map(r -> new Action((UUID) r[0], (String) r[1], (String) r[2], (Instant) r[3], (String) r[4],
                        (String) r[5], (String) r[6])).toList();
    }

    /**
     * Closes up to {@code limit} complaints resolved before {@code resolvedBefore}, claimed {@code FOR UPDATE SKIP
     * LOCKED} (replicas share the work, an action in progress is never overwritten), each with an {@code action}
     * line in its timeline; returns what their events need.
     */
    public List<Complaint.Resolved> closeResolved(Instant resolvedBefore, int limit, String action, String actor,
            String note, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                with quiet as (
                    select id from complaint where status = ?4 and resolved_at <= ?1
                    order by resolved_at limit ?2 for update skip locked)
                update complaint c set status = ?5, closed_at = ?3, version = c.version + 1
                from quiet where c.id = quiet.id
                returning c.id, c.customer_id, c.category_code, c.severity, c.paused_seconds""")
                .setParameter(1, resolvedBefore).setParameter(2, limit).setParameter(3, now)
                .setParameter(4, ComplaintStatus.RESOLVED.name()).setParameter(5, ComplaintStatus.CLOSED.name())
                .getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        Object[] ids = rows.stream().map(r -> r[0]).toArray();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into complaint_action (id, complaint_id, action, actor, at, from_status, to_status, note)
                    select gen_random_uuid(), id, ?, ?, ?, ?, ?, ? from unnest(?) as t(id)""")) {
                insert.setString(1, action);
                insert.setString(2, actor);
                insert.setTimestamp(3, Timestamp.from(now));
                insert.setString(4, ComplaintStatus.RESOLVED.name());
                insert.setString(5, ComplaintStatus.CLOSED.name());
                insert.setString(6, note);
                insert.setArray(7, connection.createArrayOf("uuid", ids));
                insert.executeUpdate();
            }
        });
        em.clear(); // complaints loaded in this context are stale now
        return rows.stream().map(r -> new Complaint.Resolved((UUID) r[0], (UUID) r[1], (String) r[2],
                Severity.valueOf((String) r[3]), ((Number) r[4]).longValue())).toList();
    }

    /**
     * Removes what people wrote about an erased customer's complaints (title, description, contact, timeline notes,
     * rating comments), keeping everything the statistics count; returns how many complaints.
     */
    public int anonymise(UUID customerId, String erasedTitle, Instant erasedAt) {
        em.createNativeQuery("""
                update complaint_action set note = null where note is not null
                  and complaint_id in (select id from complaint where customer_id = ?1)""")
                .setParameter(1, customerId).executeUpdate();
        em.createNativeQuery("""
                update complaint_rating set comment = null where comment is not null
                  and complaint_id in (select id from complaint where customer_id = ?1)""")
                .setParameter(1, customerId).executeUpdate();
        int count = em.createNativeQuery("""
                update complaint set title = ?2, description = null, contact = null, anonymised_at = ?3,
                    version = version + 1
                where customer_id = ?1 and anonymised_at is null""").setParameter(1, customerId)
                .setParameter(2, erasedTitle).setParameter(3, erasedAt).executeUpdate();
        em.clear(); // loaded complaints would otherwise show the text again
        return count;
    }
}
