package io.tiercare.care.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.tiercare.care.service.ReplanJobs.Job;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Bulk re-plan jobs and their chunks. */
@ApplicationScoped
public class JobRepository {

    /** A contiguous range of customer ids, inclusive at both ends. */
    public record Range(UUID first, UUID last, int customers) {
    }

    /** A chunk to publish (again). */
    public record ChunkRef(UUID job, int chunk) {
    }

    private static final String COLUMNS = """
            id, plan_version, reason, requested_by, status, chunks, chunks_done, chunks_failed, customers,
            customers_done, created, cancelled, started_at, finished_at, last_error""";

    private final EntityManager em;

    JobRepository(EntityManager em) {
        this.em = em;
    }

    /** Every customer care knows of, cut into ranges of at most {@code size} (the planner decides each one's care). */
    public List<Range> ranges(int size) {
        return rows(em.createNativeQuery("""
                select (array_agg(customer_id order by customer_id))[1],
                       (array_agg(customer_id order by customer_id desc))[1], count(*) from (
                    select customer_id, (row_number() over (order by customer_id) - 1) / ?1 as chunk
                    from care_customer) t
                group by chunk order by chunk""").setParameter(1, size).getResultList())
                .map(r -> new Range((UUID) r[0], (UUID) r[1], ((Number) r[2]).intValue())).toList();
    }

    public void insert(Job job) {
        em.createNativeQuery("""
                insert into replan_job (id, plan_version, reason, requested_by, status, chunks, customers, started_at,
                                        progressed_at, finished_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9)""")
                .setParameter(1, job.id()).setParameter(2, job.planVersion()).setParameter(3, job.reason())
                .setParameter(4, job.requestedBy()).setParameter(5, job.status()).setParameter(6, job.chunks())
                .setParameter(7, job.customers()).setParameter(8, job.startedAt()).setParameter(9, job.finishedAt())
                .executeUpdate();
    }

    public void insertChunk(UUID job, int chunk, Range range, Instant publishedAt) {
        em.createNativeQuery("""
                insert into replan_chunk (job_id, chunk, first_customer, last_customer, published_at)
                values (?1, ?2, ?3, ?4, ?5)""").setParameter(1, job).setParameter(2, chunk)
                .setParameter(3, range.first()).setParameter(4, range.last()).setParameter(5, publishedAt)
                .executeUpdate();
    }

    /** Claims the chunk for this transaction; empty when it was done before (a redelivered message). */
    public Optional<Range> claim(UUID job, int chunk, Instant now) {
        return rows(em.createNativeQuery("""
                update replan_chunk set done_at = ?3
                where job_id = ?1 and chunk = ?2 and done_at is null and failed_at is null
                returning first_customer, last_customer""").setParameter(1, job).setParameter(2, chunk)
                .setParameter(3, now).getResultList()).map(r -> new Range((UUID) r[0], (UUID) r[1], 0)).findFirst();
    }

    public List<UUID> customers(Range range) {
        return em.createNativeQuery("""
                select customer_id from care_customer where customer_id between ?1 and ?2 order by customer_id""",
                UUID.class).setParameter(1, range.first()).setParameter(2, range.last()).getResultList();
    }

    public void chunkDone(UUID job, int customers, int created, int cancelled, Instant now) {
        em.createNativeQuery("""
                update replan_job set chunks_done = chunks_done + 1, customers_done = customers_done + ?2,
                    created = created + ?3, cancelled = cancelled + ?4, progressed_at = ?5,
                    status = case when chunks_done + 1 + chunks_failed < chunks then status
                                  when chunks_failed = 0 then 'COMPLETED' else 'FAILED' end,
                    finished_at = case when chunks_done + 1 + chunks_failed >= chunks then ?5 else finished_at end
                where id = ?1""").setParameter(1, job).setParameter(2, customers).setParameter(3, created)
                .setParameter(4, cancelled).setParameter(5, now).executeUpdate();
    }

    /** A failed attempt at an undone chunk; at the {@code maxAttempts}-th the chunk is given up. */
    public void chunkFailed(UUID job, int chunk, String error, int maxAttempts, Instant now) {
        List<?> outcome = em.createNativeQuery("""
                update replan_chunk set attempts = attempts + 1, last_error = ?3,
                    failed_at = case when attempts + 1 >= ?4 then cast(?5 as timestamptz) end
                where job_id = ?1 and chunk = ?2 and done_at is null and failed_at is null
                returning failed_at is not null""").setParameter(1, job).setParameter(2, chunk)
                .setParameter(3, error).setParameter(4, maxAttempts).setParameter(5, now).getResultList();
        if (outcome.isEmpty()) {
            return;
        }
        int failed = Boolean.TRUE.equals(outcome.get(0)) ? 1 : 0;
        em.createNativeQuery("""
                update replan_job set last_error = ?2, chunks_failed = chunks_failed + ?3,
                    progressed_at = case when ?3 = 1 then ?4 else progressed_at end,
                    status = case when ?3 = 1 and chunks_done + chunks_failed + 1 >= chunks then 'FAILED'
                                  else status end,
                    finished_at = case when ?3 = 1 and chunks_done + chunks_failed + 1 >= chunks then ?4
                                       else finished_at end
                where id = ?1""").setParameter(1, job).setParameter(2, error).setParameter(3, failed)
                .setParameter(4, now).executeUpdate();
    }

    /** Claims undone chunks of running jobs without progress since {@code before}, to publish again. */
    public List<ChunkRef> claimStalled(Instant before, Instant now, int limit) {
        return rows(em.createNativeQuery("""
                update replan_chunk set published_at = ?2 where (job_id, chunk) in (
                    select c.job_id, c.chunk from replan_chunk c join replan_job j on j.id = c.job_id
                    where c.done_at is null and c.failed_at is null and c.published_at < ?1
                      and j.status = 'RUNNING' and j.progressed_at < ?1
                    order by c.job_id, c.chunk limit ?3 for update of c skip locked)
                returning job_id, chunk""").setParameter(1, before).setParameter(2, now).setParameter(3, limit)
                .getResultList()).map(r -> new ChunkRef((UUID) r[0], ((Number) r[1]).intValue())).toList();
    }

    public Optional<Job> find(UUID id) {
        return rows(em.createNativeQuery("select " + COLUMNS + " from replan_job where id = ?1").setParameter(1, id)
                .getResultList()).map(JobRepository::job).findFirst();
    }

    public List<Job> recent(int offset, int limit) {
        return rows(em.createNativeQuery("select " + COLUMNS
                + " from replan_job order by started_at desc, id offset ?1 limit ?2").setParameter(1, offset)
                .setParameter(2, limit).getResultList()).map(JobRepository::job).toList();
    }

    public long count() {
        return ((Number) em.createNativeQuery("select count(*) from replan_job").getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    private static java.util.stream.Stream<Object[]> rows(List<?> rows) {
        return ((List<Object[]>) rows).stream();
    }

    private static Job job(Object[] r) {
        return new Job((UUID) r[0], ((Number) r[1]).intValue(), (String) r[2], (String) r[3], (String) r[4],
                ((Number) r[5]).intValue(), ((Number) r[6]).intValue(), ((Number) r[7]).intValue(),
                ((Number) r[8]).intValue(), ((Number) r[9]).intValue(), ((Number) r[10]).intValue(),
                ((Number) r[11]).intValue(), (Instant) r[12], (Instant) r[13], (String) r[14]);
    }
}
