package io.tiercare.chassis.job;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.tiercare.chassis.id.TimeOrderedUuid;
import io.tiercare.chassis.outbox.Outbox;
import io.tiercare.chassis.outbox.OutboxEvent;
import io.tiercare.chassis.paging.Page;
import io.tiercare.chassis.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

/**
 * Bulk jobs, shared by every replica. Starting a job cuts the work's keys into chunks and publishes one message per
 * chunk on the work's topic (through the outbox, in the starter's transaction); whichever replica receives a chunk
 * ({@link ChunkMessages}) works through it in one transaction and adds its counts to the job. A redelivered chunk is
 * skipped (its claim in the database).
 * <p>
 * A chunk whose transaction fails is recorded as a failed attempt (the job shows the error). When a job has made no
 * progress for {@code tiercare.jobs.chunk-retry-after}, the sweep publishes its undone chunks again, whether they failed
 * or their message was lost; after {@code tiercare.jobs.chunk-attempts} failed attempts a chunk is given up, and once
 * every chunk is done or given up the job ends: COMPLETED, or FAILED if any was given up.
 */
@ApplicationScoped
@Transactional
public class ChunkedJobs {

    /** The message for one chunk: internal to the service that runs the job. */
    public record ChunkMessage(UUID jobId, int chunk) {
    }

    private static final Logger LOG = Logger.getLogger(ChunkedJobs.class);
    /** Chunks published again per sweep at most (a sweep runs in one transaction). */
    private static final int SWEEP_LIMIT = 1000;

    private final ChunkedJobRepository jobs;
    private final Instance<ChunkWork> works;
    private final Outbox outbox;
    private final Clock clock;
    private final JobsConfig config;

    ChunkedJobs(ChunkedJobRepository jobs, Instance<ChunkWork> works, Outbox outbox, Clock clock, JobsConfig config) {
        this.jobs = jobs;
        this.works = works;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    /**
     * Starts a job of {@code work} over all its keys, unless {@code runKey} (may be null) was taken by another run, as
     * when several replicas schedule the same daily run: then empty.
     */
    public Optional<ChunkedJob> start(ChunkWork work, String reason, String runKey, String requestedBy,
            Map<String, String> parameters) {
        Instant now = clock.instant();
        List<KeyRange> ranges = work.ranges(config.chunkSize());
        int items = ranges.stream().mapToInt(KeyRange::keys).sum();
        ChunkedJob job = new ChunkedJob(TimeOrderedUuid.next(), work.kind().name(), reason, requestedBy, parameters,
                ranges.isEmpty() ? JobStatus.COMPLETED : JobStatus.RUNNING, ranges.size(), 0, 0, items, 0, Map.of(),
                now, ranges.isEmpty() ? now : null, null);
        if (!jobs.insert(job, runKey)) {
            return Optional.empty();
        }
        List<OutboxEvent> messages = new ArrayList<>(ranges.size());
        for (int chunk = 0; chunk < ranges.size(); chunk++) {
            jobs.insertChunk(job.id(), chunk, ranges.get(chunk), now);
            messages.add(message(work, job.id(), chunk));
        }
        outbox.appendAll(messages);
        return Optional.of(job);
    }

    private static OutboxEvent message(ChunkWork work, UUID job, int chunk) {
        return new OutboxEvent(work.kind().topic(), work.kind().messageType(), job + "/" + chunk, new ChunkMessage(job, chunk));
    }

    /** Works through the chunk, once: a chunk done or given up before is skipped. */
    public void runChunk(UUID jobId, int chunk) {
        KeyRange range = jobs.claim(jobId, chunk, clock.instant()).orElse(null);
        if (range == null) {
            return;
        }
        ChunkedJob job = jobs.find(jobId).orElseThrow();
        ChunkWork work = work(job.kind());
        ChunkOutcome outcome = work.run(job, range);
        jobs.chunkDone(jobId, chunk, outcome, clock.instant()).filter(j -> j.status() == JobStatus.COMPLETED)
                .ifPresent(work::completed);
    }

    /** Records a failed attempt at the chunk, in a transaction of its own (the chunk's was rolled back). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void chunkFailed(UUID jobId, int chunk, String error) {
        jobs.chunkFailed(jobId, chunk, error, config.chunkAttempts(), clock.instant());
    }

    @Scheduled(every = "${tiercare.jobs.sweep-every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledSweep() {
        sweep();
    }

    /** Publishes the undone chunks of jobs that stalled again; returns how many. */
    public int sweep() {
        Instant now = clock.instant();
        List<ChunkedJobRepository.ChunkRef> stalled = jobs.claimStalled(now.minus(config.chunkRetryAfter()), now,
                SWEEP_LIMIT);
        if (!stalled.isEmpty()) {
            outbox.appendAll(stalled.stream().map(c -> message(work(c.kind()), c.job(), c.chunk())).toList());
            LOG.infof("Published %d chunks of stalled jobs again", stalled.size());
        }
        return stalled.size();
    }

    public Optional<ChunkedJob> find(ChunkWork work, UUID id) {
        return jobs.find(work.kind().name(), id);
    }

    /** The work's jobs, newest first. */
    public Page<ChunkedJob> recent(ChunkWork work, PageRequest page) {
        long total = jobs.count(work.kind().name());
        return Page.of(page.offset() >= total ? List.of() : jobs.recent(work.kind().name(), page.offset(), page.size()), page,
                total);
    }

    /** The registered work of that kind (also for a chunk message's type). */
    ChunkWork work(String kind) {
        return works.stream().filter(w -> w.kind().name().equals(kind)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No work of kind " + kind + " in this service"));
    }

    Optional<ChunkWork> workForMessage(String type) {
        return works.stream().filter(w -> w.kind().messageType().equals(type)).findFirst();
    }
}
