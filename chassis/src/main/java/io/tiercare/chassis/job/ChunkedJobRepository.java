package io.tiercare.chassis.job;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The rows of bulk jobs and their chunks (tables {@code chunked_job} and {@code chunked_job_chunk}). */
@ApplicationScoped
class ChunkedJobRepository {

    /** A chunk to publish (again), with its job's kind. */
    record ChunkRef(UUID job, int chunk, String kind) {
    }

    private static final TypeReference<Map<String, Long>> TALLY = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> PARAMETERS = new TypeReference<>() {
    };
    private static final String COLUMNS = """
            id, kind, reason, requested_by, parameters::text, status, chunks, chunks_done, chunks_failed, items,
            items_done, tally::text, started_at, finished_at, last_error""";

    private final EntityManager em;
    private final ObjectMapper json;

    ChunkedJobRepository(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** Inserts the job; false when {@code runKey} was taken by another run. */
    boolean insert(ChunkedJob job, String runKey) {
        return em.createNativeQuery("""
                insert into chunked_job (id, kind, reason, run_key, requested_by, parameters, status, chunks, items,
                                         started_at, progressed_at, finished_at)
                values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb), ?7, ?8, ?9, ?10, ?10, ?11)
                on conflict (run_key) do nothing""")
                .setParameter(1, job.id()).setParameter(2, job.kind()).setParameter(3, job.reason())
                .setParameter(4, runKey).setParameter(5, job.requestedBy()).setParameter(6, write(job.parameters()))
                .setParameter(7, job.status().name()).setParameter(8, job.chunks()).setParameter(9, job.items())
                .setParameter(10, job.startedAt()).setParameter(11, job.finishedAt()).executeUpdate() == 1;
    }

    void insertChunk(UUID job, int chunk, KeyRange range, Instant publishedAt) {
        em.createNativeQuery("""
                insert into chunked_job_chunk (job_id, chunk, first_key, last_key, published_at)
                values (?1, ?2, ?3, ?4, ?5)""").setParameter(1, job).setParameter(2, chunk)
                .setParameter(3, range.first()).setParameter(4, range.last()).setParameter(5, publishedAt)
                .executeUpdate();
    }

    /** Claims the chunk for this transaction; empty when it was done or given up before (a redelivered message). */
    Optional<KeyRange> claim(UUID job, int chunk, Instant now) {
        return rows(em.createNativeQuery("""
                update chunked_job_chunk set done_at = ?3
                where job_id = ?1 and chunk = ?2 and done_at is null and failed_at is null
                returning first_key, last_key""").setParameter(1, job).setParameter(2, chunk).setParameter(3, now))
                .map(r -> new KeyRange((UUID) r[0], (UUID) r[1], 0)).findFirst();
    }

    /** Adds the chunk's outcome to its job; the job ends with its last chunk. Returns the job as it now stands. */
    Optional<ChunkedJob> chunkDone(UUID job, int chunk, ChunkOutcome outcome, Instant now) {
        String tally = write(outcome.tally());
        em.createNativeQuery("update chunked_job_chunk set items = ?3, tally = cast(?4 as jsonb) "
                + "where job_id = ?1 and chunk = ?2").setParameter(1, job).setParameter(2, chunk)
                .setParameter(3, outcome.items()).setParameter(4, tally).executeUpdate();
        return rows(em.createNativeQuery("""
                update chunked_job j set chunks_done = chunks_done + 1, items_done = items_done + ?2,
                    tally = (select coalesce(jsonb_object_agg(k, coalesce((j.tally ->> k)::bigint, 0)
                                                              + coalesce((cast(?3 as jsonb) ->> k)::bigint, 0)), '{}')
                             from jsonb_object_keys(j.tally || cast(?3 as jsonb)) k),
                    progressed_at = ?4,
                    status = case when chunks_done + 1 + chunks_failed < chunks then status
                                  when chunks_failed = 0 then 'COMPLETED' else 'FAILED' end,
                    finished_at = case when chunks_done + 1 + chunks_failed >= chunks then ?4 else finished_at end
                where id = ?1 returning\s""" + COLUMNS).setParameter(1, job).setParameter(2, outcome.items())
                .setParameter(3, tally).setParameter(4, now)).map(this::job).findFirst();
    }

    /**
     * Records a failed attempt at an undone chunk; at the {@code maxAttempts}-th the chunk counts as failed (and the
     * job ends once every chunk is done or failed). The job shows the error either way.
     */
    void chunkFailed(UUID job, int chunk, String error, int maxAttempts, Instant now) {
        List<?> outcome = em.createNativeQuery("""
                update chunked_job_chunk set attempts = attempts + 1, last_error = ?3,
                    failed_at = case when attempts + 1 >= ?4 then cast(?5 as timestamptz) end
                where job_id = ?1 and chunk = ?2 and done_at is null and failed_at is null
                returning failed_at is not null""").setParameter(1, job).setParameter(2, chunk)
                .setParameter(3, error).setParameter(4, maxAttempts).setParameter(5, now).getResultList();
        if (outcome.isEmpty()) {
            return; // done meanwhile, or already given up
        }
        int failed = Boolean.TRUE.equals(outcome.get(0)) ? 1 : 0;
        em.createNativeQuery("""
                update chunked_job set last_error = ?2, chunks_failed = chunks_failed + ?3,
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
     * whose message went out before then too, marking them published at {@code now}; replicas sweeping at once take
     * different chunks.
     */
    List<ChunkRef> claimStalled(Instant before, Instant now, int limit) {
        return rows(em.createNativeQuery("""
                with stalled as (
                    select c.job_id, c.chunk, j.kind from chunked_job_chunk c join chunked_job j on j.id = c.job_id
                    where c.done_at is null and c.failed_at is null and c.published_at < ?1
                      and j.status = 'RUNNING' and j.progressed_at < ?1
                    order by c.job_id, c.chunk limit ?3 for update of c skip locked)
                update chunked_job_chunk c set published_at = ?2 from stalled s
                where c.job_id = s.job_id and c.chunk = s.chunk
                returning c.job_id, c.chunk, s.kind""").setParameter(1, before).setParameter(2, now)
                .setParameter(3, limit)).map(r -> new ChunkRef((UUID) r[0], ((Number) r[1]).intValue(), (String) r[2]))
                .sorted(java.util.Comparator.comparing(ChunkRef::job).thenComparingInt(ChunkRef::chunk)).toList();
    }

    Optional<ChunkedJob> find(UUID id) {
        return rows(em.createNativeQuery("select " + COLUMNS + " from chunked_job where id = ?1").setParameter(1, id))
                .map(this::job).findFirst();
    }

    Optional<ChunkedJob> find(String kind, UUID id) {
        return rows(em.createNativeQuery("select " + COLUMNS + " from chunked_job where id = ?1 and kind = ?2")
                .setParameter(1, id).setParameter(2, kind)).map(this::job).findFirst();
    }

    List<ChunkedJob> recent(String kind, int offset, int limit) {
        return rows(em.createNativeQuery("select " + COLUMNS + " from chunked_job where kind = ?1 "
                + "order by started_at desc, id offset ?2 limit ?3").setParameter(1, kind).setParameter(2, offset)
                .setParameter(3, limit)).map(this::job).toList();
    }

    long count(String kind) {
        return ((Number) em.createNativeQuery("select count(*) from chunked_job where kind = ?1")
                .setParameter(1, kind).getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    private static Stream<Object[]> rows(jakarta.persistence.Query query) {
        return ((List<Object[]>) query.getResultList()).stream();
    }

    private ChunkedJob job(Object[] r) {
        return new ChunkedJob((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], read((String) r[4], PARAMETERS),
                JobStatus.valueOf((String) r[5]), ((Number) r[6]).intValue(), ((Number) r[7]).intValue(),
                ((Number) r[8]).intValue(), ((Number) r[9]).intValue(), ((Number) r[10]).intValue(),
                read((String) r[11], TALLY), (Instant) r[12], (Instant) r[13], (String) r[14]);
    }

    private String write(Map<String, ?> value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A job's counts or parameters could not be written", e);
        }
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A job's stored counts or parameters could not be read", e);
        }
    }
}
