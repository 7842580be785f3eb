package io.tiercare.tiering.rest;

import static io.tiercare.testing.TestApi.as;
import static io.tiercare.tiering.support.Events.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tiercare.tiering.service.EvaluationJobService;
import io.tiercare.testing.OnTestDay;
import io.tiercare.testing.TestDatabase;
import jakarta.inject.Inject;

/**
 * Bulk jobs end whatever happens to their chunks: a failing chunk is retried when its job stalls and given up after
 * the last attempt (the job ends FAILED with the error), a lost chunk message is published again. Failures are real
 * database errors, raised by a trigger this test installs for jobs whose reason says so.
 */
@QuarkusTest
class JobRecoveryTest extends OnTestDay {

    private static final String FAULT = "chunk store unavailable (test fault)";

    @Inject
    EvaluationJobService jobs;
    @Inject
    DataSource dataSource;

    @Test
    void aFailingChunkIsRetriedWhenItsJobStallsAndGivenUpAfterTheLastAttempt() throws SQLException {
        registerAndAwait();
        sql("""
                create or replace function test_fail_chunks() returns trigger language plpgsql as $$
                declare why text;
                begin
                    select reason into why from evaluation_job where id = new.job_id;
                    if why like 'doomed%' or (why like 'flaky%' and old.attempts = 0) then
                        raise exception '""" + FAULT + """
                ';
                    end if;
                    return new;
                end $$""");
        sql("""
                create trigger test_fail_chunks before update of done_at on evaluation_chunk for each row
                when (old.done_at is null and new.done_at is not null) execute function test_fail_chunks()""");
        try {
            String flaky = start("flaky run");
            String doomed = start("doomed run");
            for (String job : new String[] { flaky, doomed }) {
                Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("ANALYST").when().get(job)
                        .then().body("lastError", equalTo("ERROR: " + FAULT)).body("status", equalTo("RUNNING"))
                        .body("chunksFailed", equalTo(0)).body("chunksDone", equalTo(0)));
            }

            clock.set(TEST_DAY.plus(Duration.ofMinutes(4)));
            jobs.sweep();
            assertThat(republished(flaky) + republished(doomed)).as("not stalled for 5 minutes yet").isZero();

            clock.set(TEST_DAY.plus(Duration.ofMinutes(6)));
            jobs.sweep();
            assertThat(republished(flaky)).isEqualTo(chunks(flaky));
            JsonPath done = awaitStatus(flaky, "COMPLETED");
            assertThat(done.getInt("chunksDone")).isEqualTo(done.getInt("chunks"));
            assertThat(done.getInt("customersDone")).isEqualTo(done.getInt("customers")).isPositive();
            assertThat(done.getInt("chunksFailed")).isZero();

            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> minAttempts(doomed) == 2);
            assertThat(as("ANALYST").when().get(doomed).then().extract().jsonPath().getString("status"))
                    .isEqualTo("RUNNING");
            clock.set(TEST_DAY.plus(Duration.ofMinutes(12)));
            jobs.sweep();
            JsonPath failed = awaitStatus(doomed, "FAILED");
            assertThat(failed.getInt("chunksFailed")).isEqualTo(failed.getInt("chunks")).isPositive();
            assertThat(failed.getInt("chunksDone")).isZero();
            assertThat(failed.getString("lastError")).as("the database's own words").isEqualTo("ERROR: " + FAULT);
            assertThat(failed.getString("finishedAt")).isEqualTo("2026-11-22T08:12:00Z");

            clock.set(TEST_DAY.plus(Duration.ofMinutes(30)));
            jobs.sweep();
            assertThat(minAttempts(doomed)).as("a job that ended is left alone").isEqualTo(3);
        } finally {
            sql("drop trigger if exists test_fail_chunks on evaluation_chunk");
            sql("drop function if exists test_fail_chunks()");
        }
    }

    @Test
    void aChunkWhoseMessageWasLostIsPublishedAgainOnceItsJobStalls() throws SQLException {
        registerAndAwait();
        UUID job = UUID.randomUUID();
        Instant started = TEST_DAY.minus(Duration.ofHours(1));
        // a job whose only chunk's message never reached Kafka
        try (Connection c = dataSource.getConnection(); PreparedStatement insertJob = c.prepareStatement("""
                insert into evaluation_job (id, reason, requested_by, status, chunks, customers, started_at,
                                            progressed_at)
                select ?, 'lost chunk', 'test', 'RUNNING', 1, count(*), ?, ? from customer_metrics
                where merged_into is null and erased_at is null""");
                PreparedStatement insertChunk = c.prepareStatement("""
                        insert into evaluation_chunk (job_id, chunk, first_customer, last_customer, published_at)
                        values (?, 0, '00000000-0000-0000-0000-000000000000',
                                'ffffffff-ffff-ffff-ffff-ffffffffffff', ?)""")) {
            insertJob.setObject(1, job);
            insertJob.setTimestamp(2, Timestamp.from(started));
            insertJob.setTimestamp(3, Timestamp.from(started));
            insertJob.executeUpdate();
            insertChunk.setObject(1, job);
            insertChunk.setTimestamp(2, Timestamp.from(started));
            insertChunk.executeUpdate();
        }
        String location = "/api/v1/tier-evaluations/" + job;
        as("ANALYST").when().get(location).then().statusCode(200).body("status", equalTo("RUNNING"));

        assertThat(jobs.sweep()).isPositive();
        JsonPath done = awaitStatus(location, "COMPLETED");
        assertThat(done.getInt("chunksDone")).isEqualTo(1);
        assertThat(done.getInt("customersDone")).isEqualTo(done.getInt("customers")).isPositive();
        as("ANALYST").when().get("/api/v1/tier-evaluations").then().statusCode(200)
                .body("items.find { it.id == '" + job + "' }.status", containsString("COMPLETED"));
    }

    private static String start(String reason) {
        return as("ADMIN").contentType("application/json").body("{\"reason\":\"" + reason + "\"}")
                .when().post("/api/v1/tier-evaluations").then().statusCode(202).extract().header("Location");
    }

    private static JsonPath awaitStatus(String location, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("ANALYST").when().get(location)
                .then().statusCode(200).body("status", equalTo(status)));
        return as("ANALYST").when().get(location).then().extract().jsonPath();
    }

    private long republished(String location) {
        return number("""
                select count(*) from evaluation_chunk c join evaluation_job j on j.id = c.job_id
                where c.job_id = ?::uuid and c.published_at > j.started_at""", jobId(location));
    }

    private long chunks(String location) {
        return number("select count(*) from evaluation_chunk where job_id = ?::uuid", jobId(location));
    }

    private long minAttempts(String location) {
        return number("select min(attempts) from evaluation_chunk where job_id = ?::uuid", jobId(location));
    }

    /** A customer of our own, projected before the job counts the customers. */
    private void registerAndAwait() {
        String customer = UUID.randomUUID().toString();
        registered(customer, "2026-11-01T00:00:00Z");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> number(
                "select count(*) from customer_metrics where customer_id = ?::uuid", customer) == 1);
    }

    private static String jobId(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private long number(String query, String parameter) {
        return TestDatabase.number(dataSource, query, parameter);
    }

    private void sql(String statement) {
        TestDatabase.execute(dataSource, statement);
    }
}
