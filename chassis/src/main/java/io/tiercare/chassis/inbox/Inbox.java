package io.tiercare.chassis.inbox;

import java.time.Clock;
import java.util.function.Consumer;

import io.tiercare.chassis.events.EventDataReader;
import io.tiercare.chassis.events.IncomingEvent;

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
    private final EventDataReader reader;

    Inbox(EntityManager em, Clock clock, EventDataReader reader) {
        this.em = em;
        this.clock = clock;
        this.reader = reader;
    }

    /**
     * Reads the event's data as {@code type} (a {@code PoisonMessageException} when it cannot be read or is
     * invalid), then applies {@code effect} to it unless {@code consumer} has applied this event before.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> void once(String consumer, IncomingEvent event, Class<T> type, Consumer<T> effect) {
        T data = reader.read(event, type);
        if (claim(consumer, event.id())) {
            effect.accept(data);
        }
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
