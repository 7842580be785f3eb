package io.tiercare.complaint.service;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.hibernate.Session;

import io.quarkus.scheduler.Scheduled;
import io.tiercare.chassis.batch.Drain;
import io.tiercare.complaint.domain.ComplaintStatus;
import io.tiercare.complaint.domain.event.ComplaintProgressed;
import io.tiercare.complaint.domain.event.ComplaintProgressed.Step;
import io.tiercare.complaint.domain.event.Deadlines;
import io.tiercare.complaint.messaging.ComplaintEventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Closes resolved complaints nobody reopened within {@code tiercare.complaint.auto-close-after} (7 days) of their
 * resolution: each gets a CLOSE line in its timeline (by {@value #ACTOR}) and a {@code closed} event. Claimed
 * {@code FOR UPDATE SKIP LOCKED}, so replicas share the work and an action in progress is never overwritten.
 */
@ApplicationScoped
public class QuietClose {

    public static final String ACTOR = "system";
    private static final int BATCH = 1000;

    private final EntityManager em;
    private final ComplaintEventPublisher events;
    private final Clock clock;
    private final Duration quiet;

    QuietClose(EntityManager em, ComplaintEventPublisher events, Clock clock,
            @ConfigProperty(name = "tiercare.complaint.auto-close-after", defaultValue = "7d") Duration quiet) {
        this.em = em;
        this.events = events;
        this.clock = clock;
        this.quiet = quiet;
    }

    @Scheduled(every = "${tiercare.complaint.auto-close-every:5m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** Closes everything quiet long enough as of now; returns how many. */
    public int run() {
        Instant now = clock.instant();
        return Drain.inTransactions(BATCH, () -> closeBatch(now));
    }

    @SuppressWarnings("unchecked")
    private int closeBatch(Instant now) {
        List<Object[]> rows = em.createNativeQuery("""
                with quiet as (
                    select id from complaint where status = 'RESOLVED' and resolved_at <= ?1
                    order by resolved_at limit ?2 for update skip locked)
                update complaint c set status = 'CLOSED', closed_at = ?3, version = c.version + 1
                from quiet where c.id = quiet.id
                returning c.id, c.customer_id, c.category_code, c.severity, c.paused_seconds""")
                .setParameter(1, now.minus(quiet)).setParameter(2, BATCH).setParameter(3, now).getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        String note = "closed after " + quiet.toDays() + " days without a reopen";
        Object[] ids = rows.stream().map(r -> r[0]).toArray();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into complaint_action (id, complaint_id, action, actor, at, from_status, to_status, note)
                    select gen_random_uuid(), id, 'CLOSE', ?, ?, 'RESOLVED', 'CLOSED', ? from unnest(?) as t(id)""")) {
                insert.setString(1, ACTOR);
                insert.setTimestamp(2, Timestamp.from(now));
                insert.setString(3, note);
                insert.setArray(4, connection.createArrayOf("uuid", ids));
                insert.executeUpdate();
            }
        });
        events.publishAll(rows.stream().map(r -> new ComplaintProgressed(Step.CLOSED, (UUID) r[0], (UUID) r[1],
                (String) r[2], (String) r[3], now, ACTOR, ComplaintStatus.CLOSED.name(), ((Number) r[4]).longValue(),
                new Deadlines(null, null, null))).toList());
        em.clear(); // complaints loaded in this context are stale now
        return rows.size();
    }
}
