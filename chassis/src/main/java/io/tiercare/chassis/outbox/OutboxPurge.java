package io.tiercare.chassis.outbox;

import java.time.Clock;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Deletes published outbox rows once they are past retention: the outbox is a queue, not an archive. */
@ApplicationScoped
public class OutboxPurge {

    private static final Logger LOG = Logger.getLogger(OutboxPurge.class);

    private final EntityManager em;
    private final Clock clock;
    private final OutboxConfig config;

    OutboxPurge(EntityManager em, Clock clock, OutboxConfig config) {
        this.em = em;
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(every = "${tiercare.outbox.purge-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void purge() {
        int deleted = em.createNativeQuery("delete from outbox_event where published_at < ?1")
                .setParameter(1, clock.instant().minus(config.retention()))
                .executeUpdate();
        if (deleted > 0) {
            LOG.infof("Purged %d published outbox events", deleted);
        }
    }
}
