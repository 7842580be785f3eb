package io.tiercare.complaint.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.quarkus.scheduler.Scheduled;
import io.tiercare.chassis.batch.Drain;
import io.tiercare.complaint.ComplaintConfig;
import io.tiercare.complaint.domain.Complaint;
import io.tiercare.complaint.messaging.ComplaintEventPublisher;
import io.tiercare.complaint.repository.ComplaintRepository;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Closes resolved complaints nobody reopened within {@code tiercare.complaint.auto-close-after} (7 days) of their
 * resolution: each gets a CLOSE line in its timeline (by {@value #ACTOR}) and a {@code closed} event. Claimed
 * {@code FOR UPDATE SKIP LOCKED}, so replicas share the work and an action in progress is never overwritten.
 */
@ApplicationScoped
public class QuietClose {

    public static final String ACTOR = "system";
    private static final int BATCH = 1000;

    private final ComplaintRepository complaints;
    private final ComplaintEventPublisher events;
    private final Clock clock;
    private final Duration quiet;

    QuietClose(ComplaintRepository complaints, ComplaintEventPublisher events, Clock clock, ComplaintConfig config) {
        this.complaints = complaints;
        this.events = events;
        this.clock = clock;
        this.quiet = config.autoCloseAfter();
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

    private int closeBatch(Instant now) {
        String note = "closed after " + quiet.toDays() + " days without a reopen";
        List<Complaint.Resolved> closed = complaints.closeResolved(now.minus(quiet), BATCH,
                ComplaintService.ActionKind.CLOSE.name(), ACTOR, note, now);
        events.publishAll(closed.stream().map(r -> Complaint.closedInBulk(r, ACTOR, now)).toList());
        return closed.size();
    }
}
