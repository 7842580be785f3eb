package io.tiercare.chassis.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.tiercare.chassis.events.DeclaredTopics;
import io.tiercare.testing.TestKafka;
import io.tiercare.testing.TestOutbox;
import jakarta.inject.Inject;

/**
 * A tombstone appended to the outbox reaches a compacted topic as a record with no value, and once the log cleaner
 * has passed, nobody reading the topic from the beginning finds what it held before for that key.
 */
@QuarkusTest
class CompactedTopicTest {

    @Inject
    ProbeService service;

    @Inject
    DeclaredTopics topics;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void shouldCreateTheDeclaredTopicWithItsSettings() throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(topics::declare);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, ProbeService.SNAPSHOTS);
            Config config = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(config.get("max.compaction.lag.ms").value()).isEqualTo("1000");
            assertThat(admin.describeTopics(List.of(ProbeService.SNAPSHOTS)).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get(ProbeService.SNAPSHOTS).partitions()).hasSize(3);
        }
    }

    @Test
    void shouldLeaveNothingOfAForgottenSubjectOnTheTopicOnceCompacted() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(topics::declare);
        String forgotten = UUID.randomUUID().toString();
        String kept = UUID.randomUUID().toString();
        service.snapshot(forgotten, "first " + forgotten);
        service.snapshot(forgotten, "second " + forgotten);
        service.snapshot(kept, "kept " + kept);
        service.forget(forgotten);

        ConsumerRecord<String, String> tombstone = TestKafka.awaitRecord(ProbeService.SNAPSHOTS,
                r -> forgotten.equals(r.key()) && r.value() == null, Duration.ofSeconds(20));
        assertThat(TestKafka.headers(tombstone)).containsEntry("ce_type", ProbeService.FORGOTTEN)
                .containsEntry("ce_subject", forgotten).doesNotContainKey("content-type");
        assertThat(TestKafka.readAll(ProbeService.SNAPSHOTS).stream().filter(r -> forgotten.equals(r.key())))
                .anyMatch(r -> r.value() != null); // not yet compacted

        // the tombstone is appended again once the first one's segment is due to roll; then the cleaner removes
        // every earlier value for the key, whether or not anything else is written to the partition
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> left = TestKafka.readAll(ProbeService.SNAPSHOTS).stream()
                    .filter(r -> forgotten.equals(r.key())).toList();
            assertThat(left).isNotEmpty().allMatch(r -> r.value() == null);
        });
        assertThat(TestKafka.readAll(ProbeService.SNAPSHOTS).stream().filter(r -> kept.equals(r.key()))
                .map(ConsumerRecord::value)).containsExactly("{\"subject\":\"" + kept + "\",\"text\":\"kept " + kept
                        + "\"}");
        assertThat(TestOutbox.query(dataSource,
                "select count(*) from outbox_tombstone_repeat where subject = '" + forgotten + "'")).isZero();
    }
}
