package io.tiercare.tiering.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

import io.tiercare.chassis.id.TimeOrderedUuid;
import io.tiercare.chassis.outbox.Outbox;
import io.tiercare.chassis.outbox.OutboxEvent;
import io.tiercare.chassis.paging.Page;
import io.tiercare.chassis.paging.PageRequest;
import io.tiercare.chassis.problem.ResourceNotFoundException;
import io.tiercare.tiering.repository.JobRepository;
import io.tiercare.tiering.repository.JobRepository.ChunkRef;
import io.tiercare.tiering.repository.JobRepository.Job;
import io.tiercare.tiering.repository.JobRepository.Range;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Bulk re-evaluation. Starting a job cuts the customers into chunks and publishes one message per chunk on
 * {@code tiering.evaluation-chunks} (through the outbox, in the job's transaction); whichever replica receives a
 * chunk grades its customers in one transaction and adds its counts to the job. A redelivered chunk is skipped.
 * <p>
 * A chunk whose transaction fails is recorded as a failed attempt (the job shows the error). When a job has made no
 * progress for {@code tiercare.tiering.chunk-retry-after}, the sweeper re-publishes its undone chunks, whether they
 * failed or their message was lost; after {@code tiercare.tiering.chunk-attempts} failed attempts a chunk is given
 * up, and once every chunk is done or given up the job ends: COMPLETED, or FAILED if any was given up.
 */
@ApplicationScoped
@Transactional
public class EvaluationJobService {

    public static final String CHUNK_TOPIC = "tiering.evaluation-chunks";
    public static final String CHUNK_TYPE = "tiercare.tiering.evaluation-chunk.v1";

    /** The message for one chunk: internal to tiering-service. */
    public record ChunkMessage(UUID jobId, int chunk) {
    }

    private static final Logger LOG = Logger.getLogger(EvaluationJobService.class);
    /** Chunks re-published per sweep at most (a sweep runs in one transaction). */
    private static final int SWEEP_LIMIT = 1000;

    private final JobRepository jobs;
    private final TierEvaluationService evaluation;
    private final Outbox outbox;
    private final DistributionService distribution;
    private final Clock clock;
    private final int chunkSize;
    private final Duration retryAfter;
    private final int maxAttempts;

    EvaluationJobService(JobRepository jobs, TierEvaluationService evaluation, Outbox outbox,
            DistributionService distribution, Clock clock,
            @ConfigProperty(name = "tiercare.tiering.evaluation-chunk-size", defaultValue = "500") int chunkSize,
            @ConfigProperty(name = "tiercare.tiering.chunk-retry-after", defaultValue = "5m") Duration retryAfter,
            @ConfigProperty(name = "tiercare.tiering.chunk-attempts", defaultValue = "3") int maxAttempts) {
        this.jobs = jobs;
        this.evaluation = evaluation;
        this.outbox = outbox;
        this.distribution = distribution;
        this.clock = clock;
        this.chunkSize = chunkSize;
        this.retryAfter = retryAfter;
        this.maxAttempts = maxAttempts;
    }

    /**
     * Starts a job over every customer; {@code reason} (blank: "re-evaluation") becomes the reason of each change it
     * makes.
     */
    public Job start(String reason, String requestedBy) {
        return start(reason == null || reason.isBlank() ? "re-evaluation" : reason.strip(), null, requestedBy);
    }

    /**
     * Starts a job unless one with the same {@code runKey} exists (several replicas scheduling the same daily run);
     * returns the job, or null when the key was taken.
     */
    public Job start(String reason, String runKey, String requestedBy) {
        Instant now = clock.instant();
        List<Range> ranges = jobs.ranges(chunkSize);
        int customers = ranges.stream().mapToInt(Range::customers).sum();
        UUID id = TimeOrderedUuid.next();
        Job job = new Job(id, reason, requestedBy, ranges.isEmpty() ? "COMPLETED" : "RUNNING", ranges.size(), 0, 0,
                customers, 0, 0, now, ranges.isEmpty() ? now : null, null);
        if (!jobs.insert(job, runKey)) {
            return null;
        }
        List<OutboxEvent> messages = new ArrayList<>(ranges.size());
        for (int chunk = 0; chunk < ranges.size(); chunk++) {
            jobs.insertChunk(id, chunk, ranges.get(chunk), now);
            messages.add(message(id, chunk));
        }
        outbox.appendAll(messages);
        return job;
    }

    private static OutboxEvent message(UUID job, int chunk) {
        return new OutboxEvent(CHUNK_TOPIC, CHUNK_TYPE, job + "/" + chunk, new ChunkMessage(job, chunk));
    }

    /** Grades the chunk's customers, once: a chunk seen before is skipped. */
    public void runChunk(UUID jobId, int chunk) {
        Instant now = clock.instant();
        Range range = jobs.claim(jobId, chunk, now).orElse(null);
        if (range == null) {
            return;
        }
        String reason = jobs.find(jobId).map(Job::reason).orElse("re-evaluation");
        List<UUID> customers = jobs.customers(range);
        int changed = evaluation.evaluateAll(customers, reason);
        jobs.chunkDone(jobId, chunk, customers.size(), changed, clock.instant());
        if (jobs.find(jobId).filter(j -> "COMPLETED".equals(j.status())).isPresent()) {
            distribution.snapshot(); // the last chunk: today's distribution joins the trend
        }
    }

    /** Records a failed attempt at the chunk, in a transaction of its own (the chunk's rolled back). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void chunkFailed(UUID jobId, int chunk, String error) {
        jobs.chunkFailed(jobId, chunk, error, maxAttempts, clock.instant());
    }

    @Scheduled(every = "${tiercare.tiering.job-sweep-every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledSweep() {
        sweep();
    }

    /** Re-publishes the undone chunks of jobs that stalled; returns how many. */
    public int sweep() {
        Instant now = clock.instant();
        List<ChunkRef> stalled = jobs.claimStalled(now.minus(retryAfter), now, SWEEP_LIMIT);
        if (!stalled.isEmpty()) {
            outbox.appendAll(stalled.stream().map(c -> message(c.job(), c.chunk())).toList());
            LOG.infof("Re-published %d chunks of stalled evaluation jobs", stalled.size());
        }
        return stalled.size();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Job get(UUID id) {
        return jobs.find(id).orElseThrow(() -> ResourceNotFoundException.of("Evaluation job", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Job> recent(PageRequest page) {
        return Page.of(jobs.recent(page.offset(), page.size()), page, jobs.count());
    }
}
