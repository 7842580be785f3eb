package io.tiercare.complaint.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.tiercare.chassis.id.TimeOrderedUuid;
import io.tiercare.complaint.domain.Complaint;
import io.tiercare.complaint.domain.ComplaintStatus;
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
}
