package io.tiercare.care.repository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tiercare.care.domain.CareChannel;
import io.tiercare.care.domain.CareMessage;
import io.tiercare.care.domain.OutreachKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/** The messages, and what the contact budget counts. */
@ApplicationScoped
public class MessageRepository {

    private final EntityManager em;

    MessageRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Places a message unless the customer already has one for this occasion (however often a scheduler or an event
     * asks): the existing one is returned then.
     */
    public CareMessage placeOnce(UUID customerId, String occasion, OutreachKind kind, CareChannel channel,
            String templateCode, Map<String, String> values, String placedBy, Instant now) {
        CareMessage message = CareMessage.place(customerId, occasion, kind, channel, templateCode, values, placedBy,
                now);
        int inserted = em.createNativeQuery("""
                insert into care_message (id, customer_id, occasion, kind, channel, template_code,
                    placeholder_values, status, send_after, placed_by, created_at, updated_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb), 'PENDING', ?8, ?9, ?8, ?8)
                on conflict on constraint care_message_once do nothing""")
                .setParameter(1, message.id()).setParameter(2, customerId).setParameter(3, occasion)
                .setParameter(4, kind.name()).setParameter(5, channel.name()).setParameter(6, templateCode)
                .setParameter(7, json(values)).setParameter(8, now).setParameter(9, placedBy).executeUpdate();
        return inserted == 1 ? em.find(CareMessage.class, message.id())
                : em.createQuery("from CareMessage where customerId = :c and occasion = :o", CareMessage.class)
                        .setParameter("c", customerId).setParameter("o", occasion).getSingleResult();
    }

    public CareMessage find(UUID id) {
        return em.find(CareMessage.class, id);
    }

    /** Locks messages due now for one dispatcher; other replicas skip them. */
    public List<CareMessage> lockDue(Instant now, int limit) {
        @SuppressWarnings("unchecked")
        List<CareMessage> due = em.createNativeQuery("""
                select * from care_message where status = 'PENDING' and send_after <= ?1
                order by send_after, id limit ?2 for update skip locked""", CareMessage.class)
                .setParameter(1, now).setParameter(2, limit).getResultList();
        return due;
    }

    /** The soonest moment a waiting message is due, or null. */
    public Instant nextDue() {
        return (Instant) em.createNativeQuery(
                "select min(send_after) from care_message where status = 'PENDING'").getSingleResult();
    }

    /**
     * Contacts the customer had from {@code since}: messages sent and care contacts made (completed tasks). Complaint
     * communication counts through the messages care-service sends for it.
     */
    public int contactsSince(UUID customerId, Instant since) {
        return ((Number) em.createNativeQuery("""
                select (select count(*) from care_message where customer_id = ?1 and status = 'SENT'
                            and sent_at >= ?2)
                     + (select count(*) from care_task where customer_id = ?1 and status = 'DONE'
                            and closed_at >= ?2)""")
                .setParameter(1, customerId).setParameter(2, since).getSingleResult()).intValue();
    }

    /** A customer's messages, newest first. */
    public List<CareMessage> ofCustomer(UUID customerId, int offset, int limit) {
        return em.createQuery("from CareMessage where customerId = :c order by createdAt desc, id desc",
                CareMessage.class).setParameter("c", customerId).setFirstResult(offset).setMaxResults(limit)
                .getResultList();
    }

    public long countOfCustomer(UUID customerId) {
        return em.createQuery("select count(*) from CareMessage where customerId = :c", Long.class)
                .setParameter("c", customerId).getSingleResult();
    }

    /** Erasure: every message of the customer loses its text, address and values. */
    public void forget(UUID customerId) {
        em.createQuery("from CareMessage where customerId = :c", CareMessage.class).setParameter("c", customerId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList().forEach(CareMessage::forget);
    }

    private static String json(Map<String, String> values) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(values);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("values cannot be written", e);
        }
    }
}
