package io.tiercare.tiering.repository;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Bulk re-evaluation jobs and their chunks. */
@ApplicationScoped
public class JobRepository {

    public record Job(UUID id, String reason, String requestedBy, String status, int chunks, int chunksDone,
            int chunksFailed, int customers, int customersDone, int changed, Instant startedAt, Instant finishedAt,
            String lastError) {
    }

    /** A chunk to publish (again). */
    public record ChunkRef(UUID job, int chunk) {
    }

    /** A contiguous range of customer ids, inclusive at both ends. */
    public record Range(UUID first, UUID last, int customers) {
    }

    private final EntityManager em;

    JobRepository(EntityManager em) {
        this.em = em;
    }

    /** The customers to grade (not merged away, not erased), cut into ranges of at most {@code size}. */
    public List<Range> ranges(int size) {
        return Rows.of(em.createNativeQuery("""
                select (array_agg(customer_id order by customer_id))[1],
                       (array_agg(customer_id order by customer_id desc))[1], count(*) from (
                    select customer_id, (row_number() over (order by customer_id) - 1) / ?1 as chunk
                    from customer_metrics where merged_into is null and erased_at is null) t
                group by chunk order by chunk""").setParameter(1, size))
                .map(r -> new Range((UUID) r[0], (UUID) r[1], ((Number) r[2]).intValue())).toList();
    }

    /** Inserts the job; false when {@code runKey} was taken by another run. */
    public boolean insert(Job job, String runKey) {
        return em.createNativeQuery("""
                insert into evaluation_job (id, reason, run_key, requested_by, status, chunks, customers, started_at,
                                            finished_at, progressed_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?8) on conflict (run_key) do nothing""")
                .setParameter(1, job.id()).setParameter(2, job.reason()).setParameter(3, runKey)
                .setParameter(4, job.requestedBy()).setParameter(5, job.status()).setParameter(6, job.chunks())
                .setParameter(7, job.customers()).setParameter(8, job.startedAt())
                .setParameter(9, job.finishedAt()).executeUpdate() == 1;
    }

    public void insertChunk(UUID job, int chunk, Range range, Instant publishedAt) {
        em.createNativeQuery("""
                insert into evaluation_chunk (job_id, chunk, first_customer, last_customer, published_at)
                values (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, job).setParameter(2, chunk).setParameter(3, range.first())
                .setParameter(4, range.last()).setParameter(5, publishedAt).executeUpdate();
    }

    /** Claims the chunk for this transaction; empty when it was done before (a redelivered message). */
    public Optional<Range> claim(UUID job, int chunk, Instant now) {
        return Rows.of(em.createNativeQuery("""
                update evaluation_chunk set done_at = ?3
                where job_id = ?1 and chunk = ?2 and done_at is null and failed_at is null
                returning first_customer, last_customer""").setParameter(1, job).setParameter(2, chunk)
                .setParameter(3, now)).map(r -> new Range((UUID) r[0], (UUID) r[1], 0)).findFirst();
    }

    /** The customers of the range to grade now, in id order. */
    public List<UUID> customers(Range range) {
        return em.createNativeQuery("""
                select customer_id from customer_metrics
                where customer_id between ?1 and ?2 and merged_into is null and erased_at is null
                order by customer_id""", UUID.class).setParameter(1, range.first()).setParameter(2, range.last())
                .getResultList();
    }

    public void chunkDone(UUID job, int chunk, int customers, int changed, Instant now) {
        em.createNativeQuery("update evaluation_chunk set customers = ?3, changed = ?4 where job_id = ?1 and chunk = ?2")
                .setParameter(1, job).setParameter(2, chunk).setParameter(3, customers).setParameter(4, changed)
                .executeUpdate();
        em.createNativeQuery("""
                update evaluation_job set chunks_done = chunks_done + 1, customers_done = customers_done + ?2,
                    changed = changed + ?3, progressed_at = ?4,
                    status = case when chunks_done + 1 + chunks_failed < chunks then status
                                  when chunks_failed = 0 then 'COMPLETED' else 'FAILED' end,
                    finished_at = case when chunks_done + 1 + chunks_failed >= chunks then ?4 else finished_at end
                where id = ?1""").setParameter(1, job).setParameter(2, customers).setParameter(3, changed)
                .setParameter(4, now).executeUpdate();
    }

    /**
     * Records a failed attempt at an undone chunk; at the {@code maxAttempts}-th the chunk counts as failed (and
     * the job ends once every chunk is done or failed). The job shows the error either way.
     */
    public void chunkFailed(UUID job, int chunk, String error, int maxAttempts, Instant now) {
        List<?> outcome = em.createNativeQuery("""
                update evaluation_chunk set attempts = attempts + 1, last_error = ?3,
                    failed_at = case when attempts + 1 >= ?4 then cast(?5 as timestamptz) end
                where job_id = ?1 and chunk = ?2 and done_at is null and failed_at is null
                returning failed_at is not null""").setParameter(1, job).setParameter(2, chunk)
                .setParameter(3, error).setParameter(4, maxAttempts).setParameter(5, now).getResultList();
        if (outcome.isEmpty()) {
            return; // done meanwhile, or already given up
        }
        int failed = Boolean.TRUE.equals(outcome.get(0)) ? 1 : 0;
        em.createNativeQuery("""
                update evaluation_job set last_error = ?2, chunks_failed = chunks_failed + ?3,
                    progressed_at = case when ?3 = 1 then ?4 else progressed_at end,
                    status = case when ?3 = 1 and chunks_done + chunks_failed + 1 >= chunks then 'FAILED'
                                  else status end,
                    finished_at = case when ?3 = 1 and chunks_done + chunks_failed + 1 >= chunks then ?4
                                       else finished_at end
                where id = ?1""").setParameter(1, job).setParameter(2, error).setParameter(3, failed)
                .setParameter(4, now).executeUpdate();
    }

    /**
     * Claims up to {@code limit} undone chunks of running jobs that have made no progress since {@code before} and
     * whose message went out before then too, marking them published at {@code now}; replicas sweeping at once
     * take different chunks.
     */
    public List<ChunkRef> claimStalled(Instant before, Instant now, int limit) {
        return Rows.of(em.createNativeQuery("""
                update evaluation_chunk set published_at = ?2 where (job_id, chunk) in (
                    select c.job_id, c.chunk from evaluation_chunk c join evaluation_job j on j.id = c.job_id
                    where c.done_at is null and c.failed_at is null and c.published_at < ?1
                      and j.status = 'RUNNING' and j.progressed_at < ?1
                    order by c.job_id, c.chunk limit ?3 for update of c skip locked)
                returning job_id, chunk""").setParameter(1, before).setParameter(2, now).setParameter(3, limit))
                .map(r -> new ChunkRef((UUID) r[0], ((Number) r[1]).intValue()))
                .sorted(Comparator.comparing(ChunkRef::job).thenComparingInt(ChunkRef::chunk)).toList();
    }

    public Optional<Job> find(UUID id) {
        return Rows.of(em.createNativeQuery("select " + COLUMNS + " from evaluation_job where id = ?1")
                .setParameter(1, id)).map(JobRepository::job).findFirst();
    }

    public List<Job> recent(int offset, int limit) {
        return Rows.of(em.createNativeQuery("select " + COLUMNS
                + " from evaluation_job order by started_at desc, id offset ?1 limit ?2").setParameter(1, offset)
                .setParameter(2, limit)).map(JobRepository::job).toList();
    }

    public long count() {
        return ((Number) em.createNativeQuery("select count(*) from evaluation_job").getSingleResult()).longValue();
    }

    private static final String COLUMNS = """
            id, reason, requested_by, status, chunks, chunks_done, chunks_failed, customers, customers_done, changed,
            started_at, finished_at, last_error""";

    private static Job job(Object[] r) {
        return new Job((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], ((Number) r[4]).intValue(),
                ((Number) r[5]).intValue(), ((Number) r[6]).intValue(), ((Number) r[7]).intValue(),
                ((Number) r[8]).intValue(), ((Number) r[9]).intValue(), (Instant) r[10], (Instant) r[11],
                (String) r[12]);
    }
}
