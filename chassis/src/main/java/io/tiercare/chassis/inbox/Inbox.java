package io.tiercare.chassis.inbox;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Makes a consumer idempotent: it claims {@code (consumer, event id)} by inserting first, in the same transaction as
 * the effect. A second delivery of the same event finds the claim and does nothing; a failed effect rolls the claim
 * back with it.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager em;
    private final Clock clock;

    Inbox(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** True when this is the first delivery and the caller should apply the effect; false for a duplicate. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claim(String consumer, String eventId) {
        return em.createNativeQuery("""
                insert into inbox_message (consumer, event_id, received_at) values (?1, ?2, ?3)
                on conflict do nothing""")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .setParameter(3, clock.instant())
                .executeUpdate() == 1;
    }
}
