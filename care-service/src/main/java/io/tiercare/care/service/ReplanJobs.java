package io.tiercare.care.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tiercare.care.repository.CustomerRepository;
import io.tiercare.chassis.job.ChunkOutcome;
import io.tiercare.chassis.job.ChunkWork;
import io.tiercare.chassis.job.ChunkedJob;
import io.tiercare.chassis.job.ChunkedJobs;
import io.tiercare.chassis.job.JobKind;
import io.tiercare.chassis.job.KeyRange;
import io.tiercare.chassis.paging.Page;
import io.tiercare.chassis.paging.PageRequest;
import io.tiercare.chassis.problem.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Bulk re-plans after a plan change: a chassis {@link ChunkedJobs} job whose chunks ({@code care.replan-chunks})
 * re-plan their customers in one transaction each; the job counts the tasks created and cancelled.
 */
@ApplicationScoped
@Transactional
public class ReplanJobs implements ChunkWork {

    public static final JobKind KIND = new JobKind("replan", "care.replan-chunks", "tiercare.care.replan-chunk.v1");
    private static final String PLAN_VERSION = "planVersion";
    private static final String CREATED = "created";
    private static final String CANCELLED = "cancelled";

    /** A job as the API shows it. */
    public record Job(UUID id, int planVersion, String reason, String requestedBy, String status, int chunks,
            int chunksDone, int chunksFailed, int customers, int customersDone, int tasksCreated,
            int tasksCancelled, Instant startedAt, Instant finishedAt, String lastError) {

        static Job of(ChunkedJob j) {
            return new Job(j.id(), Integer.parseInt(j.parameter(PLAN_VERSION)), j.reason(), j.requestedBy(),
                    j.status().name(), j.chunks(), j.chunksDone(), j.chunksFailed(), j.items(), j.itemsDone(),
                    (int) j.count(CREATED), (int) j.count(CANCELLED), j.startedAt(), j.finishedAt(), j.lastError());
        }
    }

    private final ChunkedJobs jobs;
    private final CustomerRepository customers;
    private final CarePlanning planning;

    ReplanJobs(ChunkedJobs jobs, CustomerRepository customers, CarePlanning planning) {
        this.jobs = jobs;
        this.customers = customers;
        this.planning = planning;
    }

    @Override
    public JobKind kind() {
        return KIND;
    }

    @Override
    public List<KeyRange> ranges(int size) {
        return customers.ranges(size);
    }

    @Override
    public ChunkOutcome run(ChunkedJob job, KeyRange range) {
        List<UUID> ids = customers.idsIn(range);
        CarePlanning.Outcome outcome = planning.replanAll(ids, job.reason());
        return ChunkOutcome.of(ids.size(), CREATED, outcome.created(), CANCELLED, outcome.cancelled());
    }

    /** Starts a job over every customer, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Job start(int planVersion, String reason, String requestedBy) {
        return jobs.start(this, reason, null, requestedBy, Map.of(PLAN_VERSION, Integer.toString(planVersion)))
                .map(Job::of).orElseThrow();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Job find(UUID id) {
        return jobs.find(this, id).map(Job::of).orElseThrow(() -> ResourceNotFoundException.of("re-plan job", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Job> recent(PageRequest page) {
        return jobs.recent(this, page).map(Job::of);
    }
}
