package io.tiercare.chassis.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tiercare.chassis.job.ChunkedJob;
import io.tiercare.chassis.job.ChunkedJobs;
import io.tiercare.chassis.job.JobStatus;
import io.tiercare.testing.OnTestDay;
import io.tiercare.testing.TestDatabase;
import jakarta.inject.Inject;

/**
 * Bulk jobs run every chunk once and end whatever happens to their chunks: a failing chunk is tried again when its job
 * stalls and given up after the last attempt (the job ends FAILED with the error), a lost chunk message is published
 * again. Failures are real database errors, raised by a trigger this test installs for jobs whose reason says so.
 */
@QuarkusTest
class ChunkedJobsTest extends OnTestDay {

    private static final String FAULT = "chunk store unavailable (test fault)";

    @Inject
    ChunkedJobs jobs;
    @Inject
    ProbeChunkWork work;
    @Inject
    ProbeService notes;
    @Inject
    DataSource dataSource;

    @Test
    void aJobWorksThroughEveryChunkOnceAndSumsWhatTheChunksCounted() {
        for (int count = 1; count <= 5; count++) {
            notes.note("job-" + UUID.randomUUID(), count);
        }
        long items = number("select count(*) from probe_note");
        long sum = number("select sum(count) from probe_note");

        ChunkedJob started = jobs.start(work, "count the notes", null, "tester", Map.of("batch", "7")).orElseThrow();
        assertThat(started.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(started.items()).isEqualTo(items);
        assertThat(started.chunks()).as("two notes a chunk").isEqualTo((int) (items + 1) / 2);

        ChunkedJob done = awaitStatus(started.id(), JobStatus.COMPLETED);
        assertThat(done.chunksDone()).isEqualTo(done.chunks());
        assertThat(done.itemsDone()).isEqualTo(items);
        assertThat(done.count(ProbeChunkWork.COUNTED)).isEqualTo(sum);
        assertThat(done.parameter("batch")).isEqualTo("7");
        assertThat(done.requestedBy()).isEqualTo("tester");
        assertThat(done.finishedAt()).isEqualTo(TEST_DAY);
        assertThat(jobs.recent(work, io.tiercare.chassis.paging.PageRequest.of(0, 100)).items())
                .extracting(ChunkedJob::id).contains(started.id());

        jobs.runChunk(started.id(), 0); // a redelivered chunk message
        assertThat(jobs.find(work, started.id()).orElseThrow()).as("a chunk counts once").isEqualTo(done);
    }

    @Test
    void aRunKeyStartsOneJobHoweverManyReplicasAskForIt() {
        notes.note("job-" + UUID.randomUUID(), 1);
        String runKey = "daily:" + UUID.randomUUID();
        ChunkedJob first = jobs.start(work, "daily count", runKey, "scheduler", Map.of()).orElseThrow();
        assertThat(jobs.start(work, "daily count", runKey, "scheduler", Map.of())).isEmpty();
        assertThat(number("select count(*) from chunked_job where run_key = ?", runKey)).isEqualTo(1);
        awaitStatus(first.id(), JobStatus.COMPLETED);
    }

    @Test
    void aFailingChunkIsTriedAgainWhenItsJobStallsAndGivenUpAfterTheLastAttempt() {
        notes.note("job-" + UUID.randomUUID(), 1);
        sql("""
                create or replace function test_fail_chunks() returns trigger language plpgsql as $$
                declare why text;
                begin
                    select reason into why from chunked_job where id = new.job_id;
                    if why like 'doomed%' or (why like 'flaky%' and old.attempts = 0) then
                        raise exception '""" + FAULT + """
                ';
                    end if;
                    return new;
                end $$""");
        sql("""
                create trigger test_fail_chunks before update of done_at on chunked_job_chunk for each row
                when (old.done_at is null and new.done_at is not null) execute function test_fail_chunks()""");
        try {
            UUID flaky = jobs.start(work, "flaky run", null, "tester", Map.of()).orElseThrow().id();
            UUID doomed = jobs.start(work, "doomed run", null, "tester", Map.of()).orElseThrow().id();
            for (UUID job : new UUID[] { flaky, doomed }) {
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> minAttempts(job) == 1);
                ChunkedJob failing = jobs.find(work, job).orElseThrow();
                assertThat(failing.lastError()).as("the database's own words").isEqualTo("ERROR: " + FAULT);
                assertThat(failing.status()).isEqualTo(JobStatus.RUNNING);
                assertThat(failing.chunksDone() + failing.chunksFailed()).isZero();
            }

            clock.set(TEST_DAY.plus(Duration.ofMinutes(4)));
            jobs.sweep();
            assertThat(republished(flaky) + republished(doomed)).as("not stalled for 5 minutes yet").isZero();

            clock.set(TEST_DAY.plus(Duration.ofMinutes(6)));
            jobs.sweep();
            assertThat(republished(flaky)).isEqualTo(number("select count(*) from chunked_job_chunk where job_id = ?",
                    flaky));
            ChunkedJob done = awaitStatus(flaky, JobStatus.COMPLETED);
            assertThat(done.chunksDone()).isEqualTo(done.chunks());
            assertThat(done.itemsDone()).isEqualTo(done.items()).isPositive();
            assertThat(done.chunksFailed()).isZero();

            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> minAttempts(doomed) == 2);
            assertThat(jobs.find(work, doomed).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
            clock.set(TEST_DAY.plus(Duration.ofMinutes(12)));
            jobs.sweep();
            ChunkedJob failed = awaitStatus(doomed, JobStatus.FAILED);
            assertThat(failed.chunksFailed()).isEqualTo(failed.chunks()).isPositive();
            assertThat(failed.chunksDone()).isZero();
            assertThat(failed.lastError()).isEqualTo("ERROR: " + FAULT);
            assertThat(failed.finishedAt()).isEqualTo(TEST_DAY.plus(Duration.ofMinutes(12)));

            clock.set(TEST_DAY.plus(Duration.ofMinutes(30)));
            jobs.sweep();
            assertThat(minAttempts(doomed)).as("a job that ended is left alone").isEqualTo(3);
        } finally {
            sql("drop trigger if exists test_fail_chunks on chunked_job_chunk");
            sql("drop function if exists test_fail_chunks()");
        }
    }

    @Test
    void aChunkWhoseMessageWasLostIsPublishedAgainOnceItsJobStalls() {
        notes.note("job-" + UUID.randomUUID(), 4);
        UUID job = UUID.randomUUID();
        Timestamp started = Timestamp.from(TEST_DAY.minus(Duration.ofHours(1)));
        // a job whose only chunk's message never reached Kafka
        sql("insert into chunked_job (id, kind, reason, requested_by, status, chunks, items, started_at, progressed_at) "
                + "select '" + job + "', 'probe-count', 'lost chunk', 'tester', 'RUNNING', 1, count(*), '" + started
                + "', '" + started + "' from probe_note");
        sql("insert into chunked_job_chunk (job_id, chunk, first_key, last_key, published_at) values ('" + job
                + "', 0, '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '" + started
                + "')");

        assertThat(jobs.sweep()).isEqualTo(1);
        ChunkedJob done = awaitStatus(job, JobStatus.COMPLETED);
        assertThat(done.chunksDone()).isEqualTo(1);
        assertThat(done.itemsDone()).isEqualTo(done.items()).isPositive();
        assertThat(done.count(ProbeChunkWork.COUNTED)).isEqualTo(number("select sum(count) from probe_note"));
        assertThat(jobs.sweep()).as("nothing left undone").isZero();
    }

    private ChunkedJob awaitStatus(UUID job, JobStatus status) {
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> jobs.find(work, job).orElseThrow().status() == status);
        return jobs.find(work, job).orElseThrow();
    }

    private long republished(UUID job) {
        return number("""
                select count(*) from chunked_job_chunk c join chunked_job j on j.id = c.job_id
                where c.job_id = ? and c.published_at > j.started_at""", job);
    }

    private long minAttempts(UUID job) {
        return number("select min(attempts) from chunked_job_chunk where job_id = ?", job);
    }

    private long number(String query, Object... parameters) {
        return TestDatabase.number(dataSource, query, parameters);
    }

    private void sql(String statement) {
        TestDatabase.execute(dataSource, statement);
    }
}
