package io.tiercare.chassis.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tiercare.testing.TestKafka;
import jakarta.inject.Inject;

@QuarkusTest
class InboxAndDeadLetterTest {

    private static final String DLQ = "chassis-probe.dlq";

    @Inject
    ProbeService service;

    @Test
    void shouldApplyAnEventDeliveredTwiceOnlyOnce() {
        String text = "twice-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        TestKafka.send(event(eventId, ProbeService.NOTED, "{\"text\":\"" + text + "\"}"));
        TestKafka.send(event(eventId, ProbeService.NOTED, "{\"text\":\"" + text + "\"}"));
        String marker = "after-" + UUID.randomUUID();
        TestKafka.send(event(UUID.randomUUID().toString(), ProbeService.NOTED, "{\"text\":\"" + marker + "\"}"));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> service.effects(marker) == 1);
        assertThat(service.effects(text)).isEqualTo(1);
    }

    @Test
    void shouldApplyAnEventInItsProducersTraceWithItsCorrelationIdOnTheConsumersLogLines() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String correlationId = "corr-" + UUID.randomUUID();
        String text = "traced-" + UUID.randomUUID();
        ProducerRecord<String, String> record = event(eventId, ProbeService.NOTED, "{\"text\":\"" + text + "\"}");
        TestKafka.addHeader(record, "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
        TestKafka.addHeader(record, "ce_correlationid", correlationId);
        TestKafka.send(record);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> service.effects(text) == 1);
        // the test log (target/test-run.log) has the text format: ... [correlationId] [traceId] message
        String applied = Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> Files
                .readAllLines(Path.of("target", "test-run.log"), StandardCharsets.UTF_8).stream()
                .filter(line -> line.endsWith("Applying event " + eventId)).findFirst().orElse(null),
                java.util.Objects::nonNull);
        assertThat(applied).contains("[" + correlationId + "] [" + traceId + "] ");
    }

    @Test
    void shouldDeadLetterAPoisonMessageAndProcessTheNextOne() {
        String poisonId = UUID.randomUUID().toString();
        TestKafka.send(event(poisonId, ProbeService.NOTED, "{not json"));
        String next = "next-" + UUID.randomUUID();
        TestKafka.send(event(UUID.randomUUID().toString(), ProbeService.NOTED, "{\"text\":\"" + next + "\"}"));

        ConsumerRecord<String, String> dead = TestKafka.awaitRecord(DLQ,
                r -> poisonId.equals(TestKafka.header(r, "ce_id")), Duration.ofSeconds(30));
        assertThat(dead.value()).isEqualTo("{not json");
        assertThat(TestKafka.header(dead, "dead-letter-reason")).startsWith("unreadable tiercare.probe.noted.v1 data");
        assertThat(TestKafka.header(dead, "dead-letter-topic")).isEqualTo(ProbeService.TOPIC);
        assertThat(TestKafka.header(dead, "dead-letter-partition")).matches("\\d+");
        assertThat(TestKafka.header(dead, "dead-letter-offset")).matches("\\d+");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> service.effects(next) == 1);
    }

    @Test
    void shouldDeadLetterUnknownTypesAndInvalidData() {
        String unknownId = UUID.randomUUID().toString();
        String invalidId = UUID.randomUUID().toString();
        TestKafka.send(event(unknownId, "tiercare.probe.noted.v9", "{\"text\":\"x\"}"));
        TestKafka.send(event(invalidId, ProbeService.NOTED, "{\"text\":\"\"}"));

        ConsumerRecord<String, String> unknown = TestKafka.awaitRecord(DLQ,
                r -> unknownId.equals(TestKafka.header(r, "ce_id")), Duration.ofSeconds(30));
        assertThat(TestKafka.header(unknown, "dead-letter-reason"))
                .isEqualTo("unknown event type tiercare.probe.noted.v9");
        ConsumerRecord<String, String> invalid = TestKafka.awaitRecord(DLQ,
                r -> invalidId.equals(TestKafka.header(r, "ce_id")), Duration.ofSeconds(30));
        assertThat(TestKafka.header(invalid, "dead-letter-reason"))
                .isEqualTo("invalid tiercare.probe.noted.v1 data: text must not be blank");
    }

    @Test
    void shouldDeadLetterOnlyTheRecordThatFailsAndApplyTheRestOfItsBatch() {
        String before = "before-" + UUID.randomUUID();
        String exploding = ProbeConsumer.EXPLODING + UUID.randomUUID();
        String explodingId = UUID.randomUUID().toString();
        String after = "after-" + UUID.randomUUID();
        TestKafka.send(event(UUID.randomUUID().toString(), ProbeService.NOTED, "{\"text\":\"" + before + "\"}"));
        TestKafka.send(event(explodingId, ProbeService.NOTED, "{\"text\":\"" + exploding + "\"}"));
        TestKafka.send(event(UUID.randomUUID().toString(), ProbeService.NOTED, "{\"text\":\"" + after + "\"}"));

        ConsumerRecord<String, String> dead = TestKafka.awaitRecord(DLQ,
                r -> explodingId.equals(TestKafka.header(r, "ce_id")), Duration.ofSeconds(30));
        assertThat(TestKafka.header(dead, "dead-letter-reason")).isEqualTo("exploded on " + exploding);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> service.effects(after) == 1);
        assertThat(service.effects(before)).isEqualTo(1);
        assertThat(service.effects(exploding)).as("the failed record's effect was rolled back").isZero();
    }

    private static ProducerRecord<String, String> event(String id, String type, String data) {
        return TestKafka.cloudEvent(ProbeService.TOPIC, "customer-1", id, type, "/tiercare/test", data);
    }
}
