package io.tiercare.chassis.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.tiercare.chassis.batch.Drain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Forgets inbox claims older than the retention period, a batch per transaction, so the inbox does not grow forever.
 * The retention must exceed the longest time an event can take to be redelivered (a consumer's lag, a re-driven dead
 * letter): a claim forgotten earlier would let a late duplicate be applied again. Several replicas may purge at once;
 * they delete different rows or nothing.
 */
@ApplicationScoped
public class InboxPurge {

    private static final Logger LOG = Logger.getLogger(InboxPurge.class);

    private final EntityManager em;
    private final Clock clock;
    private final Duration retention;
    private final int batchSize;

    InboxPurge(EntityManager em, Clock clock,
            @ConfigProperty(name = "tiercare.inbox.retention", defaultValue = "30d") Duration retention,
            @ConfigProperty(name = "tiercare.inbox.purge-batch-size", defaultValue = "5000") int batchSize) {
        this.em = em;
        this.clock = clock;
        this.retention = retention;
        this.batchSize = batchSize;
    }

    @Scheduled(every = "${tiercare.inbox.purge-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge();
    }

    /** Deletes the claims received before now minus the retention; returns how many. */
    public int purge() {
        Timestamp before = Timestamp.from(clock.instant().minus(retention));
        int purged = Drain.inTransactions(batchSize, () -> em.createNativeQuery("""
                delete from inbox_message where ctid = any(array(
                    select ctid from inbox_message where received_at < ?1 limit ?2 for update skip locked))""")
                .setParameter(1, before)
                .setParameter(2, batchSize)
                .executeUpdate());
        if (purged > 0) {
            LOG.infof("Purged %d inbox claims received before %s", purged, before.toInstant());
        }
        return purged;
    }
}
