package io.tiercare.care.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.tiercare.care.repository.JobRepository;
import io.tiercare.care.repository.JobRepository.ChunkRef;
import io.tiercare.care.repository.JobRepository.Range;
import io.tiercare.chassis.id.TimeOrderedUuid;
import io.tiercare.chassis.outbox.Outbox;
import io.tiercare.chassis.outbox.OutboxEvent;
import io.tiercare.chassis.paging.Page;
import io.tiercare.chassis.paging.PageRequest;
import io.tiercare.chassis.problem.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Bulk re-plans. Starting a job cuts the customers into chunks and publishes one message per chunk on
 * {@code care.replan-chunks} (through the outbox, in the plan change's transaction); whichever replica receives a
 * chunk re-plans its customers in one transaction and adds its counts to the job. A redelivered chunk is skipped; a
 * job without progress for {@code tiercare.care.chunk-retry-after} has its undone chunks published again; a chunk
 * that failed {@code tiercare.care.chunk-attempts} times is given up and the job ends FAILED.
 */
@ApplicationScoped
@Transactional
public class ReplanJobs {

    public static final String CHUNK_TOPIC = "care.replan-chunks";
    public static final String CHUNK_TYPE = "tiercare.care.replan-chunk.v1";

    /** A job as the API shows it. */
    public record Job(UUID id, int planVersion, String reason, String requestedBy, String status, int chunks,
            int chunksDone, int chunksFailed, int customers, int customersDone, int tasksCreated,
            int tasksCancelled, Instant startedAt, Instant finishedAt, String lastError) {
    }

    /** The message for one chunk: internal to care-service. */
    public record ChunkMessage(UUID jobId, int chunk) {
    }

    private static final Logger LOG = Logger.getLogger(ReplanJobs.class);
    private static final int SWEEP_LIMIT = 1000;

    private final JobRepository jobs;
    private final CarePlanning planning;
    private final Outbox outbox;
    private final Clock clock;
    private final int chunkSize;
    private final Duration retryAfter;
    private final int maxAttempts;

    ReplanJobs(JobRepository jobs, CarePlanning planning, Outbox outbox, Clock clock,
            @ConfigProperty(name = "tiercare.care.replan-chunk-size", defaultValue = "500") int chunkSize,
            @ConfigProperty(name = "tiercare.care.chunk-retry-after", defaultValue = "5m") Duration retryAfter,
            @ConfigProperty(name = "tiercare.care.chunk-attempts", defaultValue = "3") int maxAttempts) {
        this.jobs = jobs;
        this.planning = planning;
        this.outbox = outbox;
        this.clock = clock;
        this.chunkSize = chunkSize;
        this.retryAfter = retryAfter;
        this.maxAttempts = maxAttempts;
    }

    /** Starts a job over every customer, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Job start(int planVersion, String reason, String requestedBy) {
        Instant now = clock.instant();
        List<Range> ranges = jobs.ranges(chunkSize);
        int customers = ranges.stream().mapToInt(Range::customers).sum();
        Job job = new Job(TimeOrderedUuid.next(), planVersion, reason, requestedBy,
                ranges.isEmpty() ? "COMPLETED" : "RUNNING", ranges.size(), 0, 0, customers, 0, 0, 0, now,
                ranges.isEmpty() ? now : null, null);
        jobs.insert(job);
        List<OutboxEvent> messages = new ArrayList<>(ranges.size());
        for (int chunk = 0; chunk < ranges.size(); chunk++) {
            jobs.insertChunk(job.id(), chunk, ranges.get(chunk), now);
            messages.add(message(job.id(), chunk));
        }
        outbox.appendAll(messages);
        return job;
    }

    private static OutboxEvent message(UUID job, int chunk) {
        return new OutboxEvent(CHUNK_TOPIC, CHUNK_TYPE, job + "/" + chunk, new ChunkMessage(job, chunk));
    }

    /** Re-plans the chunk's customers, once: a chunk seen before is skipped. */
    public void runChunk(UUID jobId, int chunk) {
        Range range = jobs.claim(jobId, chunk, clock.instant()).orElse(null);
        if (range == null) {
            return;
        }
        String reason = jobs.find(jobId).map(Job::reason).orElse("re-plan");
        List<UUID> customers = jobs.customers(range);
        CarePlanning.Outcome outcome = planning.replanAll(customers, reason);
        jobs.chunkDone(jobId, customers.size(), outcome.created(), outcome.cancelled(), clock.instant());
    }

    /** Records a failed attempt at the chunk, in a transaction of its own (the chunk's rolled back). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void chunkFailed(UUID jobId, int chunk, String error) {
        jobs.chunkFailed(jobId, chunk, error, maxAttempts, clock.instant());
    }

    @Scheduled(every = "${tiercare.care.job-sweep-every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledSweep() {
        sweep();
    }

    /** Re-publishes the undone chunks of jobs that stalled; returns how many. */
    public int sweep() {
        Instant now = clock.instant();
        List<ChunkRef> stalled = jobs.claimStalled(now.minus(retryAfter), now, SWEEP_LIMIT);
        if (!stalled.isEmpty()) {
            outbox.appendAll(stalled.stream().map(c -> message(c.job(), c.chunk())).toList());
            LOG.infof("Re-published %d chunks of stalled re-plan jobs", stalled.size());
        }
        return stalled.size();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Job find(UUID id) {
        return jobs.find(id).orElseThrow(() -> ResourceNotFoundException.of("re-plan job", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Job> recent(PageRequest page) {
        long total = jobs.count();
        return Page.of(page.offset() >= total ? List.of() : jobs.recent(page.offset(), page.size()), page, total);
    }
}
