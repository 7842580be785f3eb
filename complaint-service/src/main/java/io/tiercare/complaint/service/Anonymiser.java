package io.tiercare.complaint.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Erasure: an erased customer's complaints lose their personal text (title, description, contact, the
 * timeline's notes and the rating comments) while categories, channels, severities, times, SLA outcomes and
 * ratings stay for the statistics.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Anonymiser {

    public static final String ERASED = "[erased]";

    private final EntityManager em;

    Anonymiser(EntityManager em) {
        this.em = em;
    }

    /** Returns how many complaints were anonymised. */
    public int anonymise(UUID customerId, Instant erasedAt) {
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
                .setParameter(2, ERASED).setParameter(3, erasedAt).executeUpdate();
        em.clear(); // loaded complaints would otherwise show the text again
        return count;
    }
}
