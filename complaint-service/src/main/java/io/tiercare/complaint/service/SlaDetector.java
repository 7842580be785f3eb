package io.tiercare.complaint.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.tiercare.complaint.ComplaintConfig;
import io.tiercare.chassis.batch.Drain;
import io.tiercare.complaint.domain.event.SlaAlert;
import io.tiercare.complaint.messaging.ComplaintEventPublisher;
import io.tiercare.complaint.repository.SlaDetectorRepository;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Watches every open milestone: once at risk (the policy's share of its time gone) it escalates to level 1 (the
 * supervisor) and publishes {@code sla-at-risk}; once past its deadline the breach is recorded, it escalates to
 * level 2 (the manager) and publishes {@code sla-breached}; each finding is followed by {@code escalated}. Runs on
 * every replica (every {@code tiercare.complaint.detector-every}); the rows are claimed once, whoever runs.
 * Batches of {@code tiercare.complaint.detector-batch}, one transaction each with their events, claimed by
 * {@code tiercare.complaint.detector-workers} side by side.
 */
@ApplicationScoped
public class SlaDetector {

    private static final Logger LOG = Logger.getLogger(SlaDetector.class);

    /** What one run found. */
    public record Run(int atRisk, int breached, long millis) {
    }

    private final SlaDetectorRepository repository;
    private final ComplaintEventPublisher events;
    private final Clock clock;
    private final int batch;
    private final int workers;
    private final ManagedExecutor executor;

    SlaDetector(SlaDetectorRepository repository, ComplaintEventPublisher events, Clock clock,
            ManagedExecutor executor, ComplaintConfig config) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
        this.executor = executor;
        this.batch = config.detectorBatch();
        this.workers = config.detectorWorkers();
    }

    @Scheduled(every = "${tiercare.complaint.detector-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Run run = run();
        if (run.atRisk() + run.breached() > 0) {
            LOG.infof("SLA detector: %d milestones at risk, %d breached (%d ms)", run.atRisk(), run.breached(),
                    run.millis());
        }
    }

    /** Finds and escalates everything due as of now. */
    public Run run() {
        long start = System.nanoTime();
        Instant now = clock.instant();
        int breached = drain(repository::claimBreached, now);
        int atRisk = drain(repository::claimAtRisk, now);
        return new Run(atRisk, breached, (System.nanoTime() - start) / 1_000_000);
    }

    /** {@code workers} drains side by side: SKIP LOCKED hands each its own rows. */
    private int drain(BiFunction<Instant, Integer, List<SlaAlert>> claim, Instant now) {
        List<CompletableFuture<Integer>> running = new ArrayList<>();
        for (int i = 1; i < workers; i++) {
            running.add(executor.supplyAsync(() -> drainOne(claim, now)));
        }
        int total = drainOne(claim, now);
        for (CompletableFuture<Integer> worker : running) {
            total += worker.join();
        }
        return total;
    }

    private int drainOne(BiFunction<Instant, Integer, List<SlaAlert>> claim, Instant now) {
        return Drain.inTransactions(batch, () -> {
            List<SlaAlert> alerts = claim.apply(now, batch);
            List<SlaAlert> out = new ArrayList<>(alerts.size() * 2);
            for (SlaAlert alert : alerts) {
                out.add(alert);
                out.add(alert.escalation());
            }
            if (!out.isEmpty()) {
                events.publishAll(out);
            }
            return alerts.size();
        });
    }
}
