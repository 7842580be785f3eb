package io.tiercare.tiering.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tiercare.chassis.job.ChunkOutcome;
import io.tiercare.chassis.job.ChunkWork;
import io.tiercare.chassis.job.ChunkedJob;
import io.tiercare.chassis.job.ChunkedJobs;
import io.tiercare.chassis.job.JobKind;
import io.tiercare.chassis.job.KeyRange;
import io.tiercare.chassis.paging.Page;
import io.tiercare.chassis.paging.PageRequest;
import io.tiercare.chassis.problem.ResourceNotFoundException;
import io.tiercare.tiering.repository.MetricsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Bulk re-evaluation: a chassis {@link ChunkedJobs} job whose chunks ({@code tiering.evaluation-chunks}) grade their
 * customers in one transaction each; the job counts the tiers it changed, and its last chunk adds today's
 * distribution to the trend.
 */
@ApplicationScoped
@Transactional
public class EvaluationJobService implements ChunkWork {

    public static final JobKind KIND = new JobKind("evaluation", "tiering.evaluation-chunks",
            "tiercare.tiering.evaluation-chunk.v1");
    /** The job's count of tier changes. */
    static final String CHANGED = "changed";

    private final ChunkedJobs jobs;
    private final MetricsRepository customers;
    private final TierEvaluationService evaluation;
    private final DistributionService distribution;

    EvaluationJobService(ChunkedJobs jobs, MetricsRepository customers, TierEvaluationService evaluation,
            DistributionService distribution) {
        this.jobs = jobs;
        this.customers = customers;
        this.evaluation = evaluation;
        this.distribution = distribution;
    }

    @Override
    public JobKind kind() {
        return KIND;
    }

    @Override
    public List<KeyRange> ranges(int size) {
        return customers.gradableRanges(size);
    }

    @Override
    public ChunkOutcome run(ChunkedJob job, KeyRange range) {
        List<UUID> graded = customers.gradable(range);
        return ChunkOutcome.of(graded.size(), CHANGED, evaluation.evaluateAll(graded, job.reason()));
    }

    @Override
    public void completed(ChunkedJob job) {
        distribution.snapshot(); // today's distribution joins the trend
    }

    /**
     * Starts a job over every customer; {@code reason} (blank: "re-evaluation") becomes the reason of each change it
     * makes.
     */
    public JobView start(String reason, String requestedBy) {
        return start(reason == null || reason.isBlank() ? "re-evaluation" : reason.strip(), null, requestedBy);
    }

    /**
     * Starts a job unless one with the same {@code runKey} exists (several replicas scheduling the same daily run);
     * returns the job, or null when the key was taken.
     */
    public JobView start(String reason, String runKey, String requestedBy) {
        return jobs.start(this, reason, runKey, requestedBy, Map.of()).map(JobView::of).orElse(null);
    }

    /** Publishes the undone chunks of stalled jobs again (the chassis sweep, for tests on the test clock). */
    public int sweep() {
        return jobs.sweep();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public JobView get(UUID id) {
        return jobs.find(this, id).map(JobView::of)
                .orElseThrow(() -> ResourceNotFoundException.of("Evaluation job", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<JobView> recent(PageRequest page) {
        return jobs.recent(this, page).map(JobView::of);
    }
}
