package io.tiercare.chassis.probe;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.tiercare.chassis.outage.DatabaseOutage;
import io.tiercare.chassis.outbox.OutboxRelay;
import io.tiercare.chassis.security.Roles;
import io.tiercare.testing.TestKafka;
import io.tiercare.testing.TestTokens;
import io.tiercare.testing.TierCareTestInfrastructure;
import jakarta.inject.Inject;

/** PostgreSQL killed -9 under a consumer backlog and under requests, then restarted: nothing lost, nothing dead-lettered. */
@QuarkusTest
@TestProfile(DatabaseOutageTest.LongRelayBackoff.class)
class DatabaseOutageTest {

    private static final String DLQ = "chassis-probe.dlq";

    /** A relay backoff far longer than the outage, so publishing at once afterwards shows the backoff was cut short. */
    public static class LongRelayBackoff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tiercare.outbox.initial-backoff", "20s", "tiercare.outbox.max-backoff", "30s");
        }
    }

    @Inject
    ProbeService service;

    @Inject
    DatabaseOutage outage;

    @Inject
    OutboxRelay relay;

    @Test
    void shouldWaitOutTheOutageAndThenApplyTheWholeBacklogOnceAnsweringRequests503Meanwhile() {
        String tag = "outage-" + UUID.randomUUID();
        List<String> texts = IntStream.range(0, 200).mapToObj(i -> tag + "-" + i).toList();
        double waitsBefore = outage.waits();
        TierCareTestInfrastructure.killPostgres();
        try {
            texts.forEach(text -> TestKafka.send(event(text)));

            given().auth().oauth2(TestTokens.forRole(Roles.ADMIN)).contentType(ContentType.JSON)
                    .body(Map.of("text", tag + "-request", "count", 1))
                    .when().post("/probe/notes")
                    .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "5")
                    .body("type", equalTo("urn:tiercare:problem:service-unavailable"))
                    .body("title", equalTo("Service unavailable")).body("status", equalTo(503))
                    .body("detail", equalTo("The service cannot reach its database at the moment; nothing was"
                            + " changed. Retry later."));
            // the consumer took records while the database was down, and waits with them instead of failing them
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> outage.waits() >= waitsBefore + 3);
            assertThat(outage.isDown()).isTrue();
        } finally {
            TierCareTestInfrastructure.startPostgres();
        }

        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> texts.stream().allMatch(text -> service.effects(text) == 1));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !outage.isDown());
        assertThat(texts).allSatisfy(text -> assertThat(service.effects(text)).isEqualTo(1));
        assertThat(service.effects(tag + "-request")).as("the refused request changed nothing").isZero();
        assertThat(TestKafka.readAll(DLQ)).noneMatch(record -> record.value().contains(tag));
    }

    @Test
    void shouldPublishAsSoonAsTheDatabaseIsBackInsteadOfSleepingOutItsBackoff() {
        TierCareTestInfrastructure.killPostgres();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> relay.lastError() != null && relay.lastError().startsWith("database"));
        } finally {
            TierCareTestInfrastructure.startPostgres();
        }
        String text = "after-outage-" + UUID.randomUUID();
        UUID id = Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> service.note(text, 1), java.util.Objects::nonNull);
        Instant written = Instant.now();

        TestKafka.awaitRecord(ProbeService.TOPIC, record -> id.toString().equals(record.key()), Duration.ofSeconds(20));
        assertThat(Duration.between(written, Instant.now())).as("published within the 20 s backoff's first seconds")
                .isLessThan(Duration.ofSeconds(5));
        assertThat(relay.lastError()).isNull();
    }

    private static ProducerRecord<String, String> event(String text) {
        return TestKafka.cloudEvent(ProbeService.TOPIC, "customer-" + text.hashCode(), UUID.randomUUID().toString(),
                ProbeService.NOTED, "/tiercare/test", "{\"text\":\"" + text + "\"}");
    }
}
