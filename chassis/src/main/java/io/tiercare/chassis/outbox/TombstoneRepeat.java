package io.tiercare.chassis.outbox;

import java.util.List;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Appends each tombstone a second time once {@link OutboxConfig#tombstoneRepeatAfter()} has passed. The log cleaner
 * never compacts a partition's active segment, and a segment rolls only when a record is appended after its time is
 * up: without a later record in the partition, the first tombstone, and every value before it for the key, could stay
 * readable indefinitely. The second one rolls the segment holding the first, which the cleaner then compacts (within
 * the topic's {@code max.compaction.lag.ms}); it stays, without data, in the new active segment. Several replicas may
 * run this at once: each due row is taken by one of them.
 */
@ApplicationScoped
public class TombstoneRepeat {

    private static final Logger LOG = Logger.getLogger(TombstoneRepeat.class);
    private static final int BATCH = 500;

    private final EntityManager em;
    private final Outbox outbox;

    TombstoneRepeat(EntityManager em, Outbox outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    @Scheduled(every = "${tiercare.outbox.tombstone-check-every:1m}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int repeated;
        do {
            repeated = QuarkusTransaction.requiringNew().call(this::repeatDue);
        } while (repeated == BATCH);
    }

    /** Appends the tombstones that are due again (in the caller's transaction); returns how many. */
    int repeatDue() {
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("""
                delete from outbox_tombstone_repeat where ctid = any(array(
                    select ctid from outbox_tombstone_repeat where due_at <= now() order by due_at limit ?1
                    for update skip locked))
                returning topic, subject, type""").setParameter(1, BATCH).getResultList();
        if (due.isEmpty()) {
            return 0;
        }
        outbox.appendSelf(due.stream()
                .map(row -> OutboxEvent.tombstone((String) row[0], (String) row[2], (String) row[1])).toList());
        LOG.debugf("Appended %d tombstones again", due.size());
        return due.size();
    }
}
