package io.tiercare.chassis.probe;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tiercare.chassis.outbox.OutboxRelay;
import io.tiercare.chassis.security.Roles;
import io.tiercare.testing.TestKafka;
import io.tiercare.testing.TestTokens;
import io.tiercare.testing.TierCareTestInfrastructure;
import jakarta.inject.Inject;

@QuarkusTest
class OutboxRelayTest {

    @Inject
    ProbeService service;

    @Inject
    OutboxRelay relay;

    @Test
    void shouldPublishAppendedEventAsBinaryCloudEvent() {
        String text = "hello-" + UUID.randomUUID();
        Instant before = Instant.now();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String location = given().auth().oauth2(TestTokens.forRole(Roles.ADMIN)).contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .header("X-Correlation-Id", "probe-" + traceId)
                .body(Map.of("text", text, "count", 3))
                .when().post("/probe/notes")
                .then().statusCode(201).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        ConsumerRecord<String, String> record = TestKafka.awaitRecord(ProbeService.TOPIC,
                r -> id.equals(r.key()), Duration.ofSeconds(20));
        assertThat(TestKafka.header(record, "traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-0[01]");
        assertThat(TestKafka.header(record, "ce_correlationid")).isEqualTo("probe-" + traceId);
        // the relay's producer reports to Micrometer, under its own client id
        given().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.matchesPattern(
                        "(?s).*kafka_producer_record_send_total\\{[^}]*client_id=\"outbox-relay-[^\"]*chassis-probe\"[^}]*} [1-9].*"));

        Map<String, String> headers = TestKafka.headers(record);
        assertThat(headers).containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_type", "tiercare.probe.noted.v1")
                .containsEntry("ce_source", "/tiercare/chassis-probe")
                .containsEntry("ce_subject", id)
                .containsEntry("ce_dataschema", "urn:tiercare:schema:tiercare.probe.noted.v1")
                .containsEntry("content-type", "application/json");
        assertThat(UUID.fromString(headers.get("ce_id"))).isNotNull();
        assertThat(Instant.parse(headers.get("ce_time"))).isBetween(before.minusSeconds(1), Instant.now());
        assertThat(record.value()).isEqualTo("{\"noteId\":\"" + id + "\",\"text\":\"" + text + "\",\"count\":3}");
    }

    @Test
    void shouldPublishEventsAppendedTogetherInTheirOrderAndThenDropThemFromTheOutbox() {
        String subject = UUID.randomUUID().toString();
        List<String> texts = IntStream.range(0, 40).mapToObj(i -> "batch-" + subject + "-" + i).toList();
        service.noteAll(subject, texts);

        TestKafka.awaitRecord(ProbeService.TOPIC, r -> r.value().contains(texts.get(39)), Duration.ofSeconds(20));
        List<String> published = TestKafka.readAll(ProbeService.TOPIC).stream()
                .filter(r -> subject.equals(r.key())).map(ConsumerRecord::value).toList();
        assertThat(published).hasSize(40);
        for (int i = 0; i < 40; i++) {
            assertThat(published.get(i)).contains("\"text\":\"" + texts.get(i) + "\"", "\"count\":" + i);
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> texts.stream().mapToLong(service::outboxRows).sum() == 0);
    }

    @Test
    void shouldAppendInTheWritersOwnStatementOnlyTheEventsOfTheRowsItWrote() throws Exception {
        String subject = UUID.randomUUID().toString();
        UUID earlier = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID last = UUID.randomUUID();
        assertThat(service.noteInOneStatement(subject, List.of(earlier), List.of("own-" + subject + "-earlier")))
                .containsExactly(earlier);

        assertThat(service.noteInOneStatement(subject, List.of(first, earlier, last),
                List.of("own-" + subject + "-first", "own-" + subject + "-again", "own-" + subject + "-last")))
                .containsExactlyInAnyOrder(first, last);

        TestKafka.awaitRecord(ProbeService.TOPIC, r -> r.value().contains("own-" + subject + "-last"),
                Duration.ofSeconds(20));
        List<String> published = TestKafka.readAll(ProbeService.TOPIC).stream()
                .filter(r -> subject.equals(r.key())).map(ConsumerRecord::value).toList();
        assertThat(published).hasSize(3);
        assertThat(published.get(0)).contains("\"text\":\"own-" + subject + "-earlier\"");
        assertThat(published.get(1)).contains("\"text\":\"own-" + subject + "-first\"", "\"count\":0");
        assertThat(published.get(2)).contains("\"text\":\"own-" + subject + "-last\"", "\"count\":2");
        assertThat(service.notes("own-" + subject + "-again")).isZero();
    }

    @Test
    void shouldPublishNothingWhenTheTransactionFails() {
        String text = "doomed-" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.forRole(Roles.ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("text", text, "count", 1))
                .when().post("/probe/failing-notes")
                .then().statusCode(500);

        assertThat(service.notes(text)).isZero();
        assertThat(service.outboxRows(text)).isZero();
        // a later event from the same relay arrives, and the failed one never went before it
        String marker = "marker-" + UUID.randomUUID();
        UUID markerId = service.note(marker, 1);
        TestKafka.awaitRecord(ProbeService.TOPIC, r -> markerId.toString().equals(r.key()), Duration.ofSeconds(20));
        assertThat(TestKafka.readAll(ProbeService.TOPIC)).noneMatch(r -> r.value().contains(text));
    }

    @Test
    void shouldBoundAnAttemptByTheSendTimeoutAndKeepCountingTheBacklogWhileTheBrokerHangs() {
        String subject = UUID.randomUUID().toString();
        TierCareTestInfrastructure.pauseKafka();
        long paused = System.nanoTime();
        try {
            // 30 events in 30 statements while the broker answers nothing
            for (int i = 0; i < 30; i++) {
                service.noteAll(subject, List.of("hung-" + subject + "-" + i));
            }
            // the backlog follows the real one within a couple of seconds, though the relay is stuck in an attempt
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> relay.backlog() >= 30);
            // and the attempt gives up after the send timeout (15 s), releasing its rows, instead of minutes later
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(40)).until(() -> relay.lastError() != null);
            assertThat(Duration.ofNanos(System.nanoTime() - paused)).isLessThan(Duration.ofSeconds(30));
            assertThat(relay.lastError()).startsWith("broker: ");
        } finally {
            TierCareTestInfrastructure.resumeKafka();
        }
        TestKafka.awaitRecord(ProbeService.TOPIC, r -> r.value().contains("hung-" + subject + "-29"),
                Duration.ofSeconds(60));
    }

    @Test
    void shouldKeepWritesWhileKafkaIsDownAndPublishThemWhenItReturns() {
        String text = "offline-" + UUID.randomUUID();
        TierCareTestInfrastructure.stopKafka();
        UUID id;
        try {
            id = given().auth().oauth2(TestTokens.forRole(Roles.ADMIN)).contentType(ContentType.JSON)
                    .body(Map.of("text", text, "count", 2))
                    .when().post("/probe/notes")
                    .then().statusCode(201).extract().header("Location").transform(l -> UUID.fromString(
                            l.substring(l.lastIndexOf('/') + 1)));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> relay.lastError() != null && relay.backlog() >= 1);
            assertThat(service.outboxRows(text)).isEqualTo(1);
            given().when().get("/q/health/ready").then()
                    .body("checks.find { it.name == 'outbox' }.data.backlog", greaterThanOrEqualTo(1));
            // a long outage: past 10 000 waiting events the backlog is read from the sequence range, not counted
            String subject = UUID.randomUUID().toString();
            service.noteAll(subject, IntStream.range(0, 10_500).mapToObj(i -> "outage-" + subject + "-" + i)
                    .toList());
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> relay.backlog() >= 10_501);
        } finally {
            TierCareTestInfrastructure.startKafka();
        }
        UUID published = id;
        ConsumerRecord<String, String> record = TestKafka.awaitRecord(ProbeService.TOPIC,
                r -> published.toString().equals(r.key()), Duration.ofSeconds(60));
        assertThat(record.value()).contains(text);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> relay.backlog() == 0);
        assertThat(service.outboxRows(text)).as("a published row leaves the outbox").isZero();
        // the consumers reconnect too: the service becomes ready again on its own
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> given().when().get("/q/health/ready").statusCode() == 200);
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'outbox' }.data.backlog", equalTo(0))
                .body("checks.find { it.name == 'kafka' }.status", equalTo("UP"));
    }
}
