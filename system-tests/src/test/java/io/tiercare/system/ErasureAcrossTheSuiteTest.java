package io.tiercare.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/**
 * PIPL Art. 47 across the suite: a customer known to every service (registered, graded by purchases, cared for, with a
 * complaint whose text names them) is erased through the gateway; afterwards nobody reading any topic of the broker
 * from the beginning, dead-letter topics included, finds their name, phone, email, address or birthday — in a value or
 * a header. The personal-data topic's snapshots go once the log cleaner has passed: the suite's customer-service runs
 * with topic settings that let it pass within seconds.
 */
class ErasureAcrossTheSuiteTest {

    private static Suite suite;
    private static String admin;

    @BeforeAll
    static void start() {
        suite = Suite.up("customer-service", "tiering-service", "care-service", "complaint-service",
                "api-gateway");
        admin = suite.token("ADMIN");
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void afterAnErasureNoTopicHoldsTheCustomersPersonalData() throws Exception {
        String marker = "擦除" + UUID.randomUUID().toString().substring(0, 6);
        String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String email = "erase." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String address = marker + "路 8 号";
        String birthday = "1971-09-13";
        String customer = gateway().body("""
                {"type":"INDIVIDUAL","name":"%s","gender":"FEMALE","birthday":"%s","mobilePhone":"%s","email":"%s",
                 "province":"浙江省","city":"杭州市","address":"%s","accountManagerId":"am-erasure"}"""
                .formatted(marker, birthday, phone, email, address)).post("/api/v1/customers").then()
                .statusCode(201).extract().path("id");
        gateway().body("""
                {"externalOrderId":"sys-%s","amount":200000,"currency":"CNY","purchasedAt":"%s"}"""
                .formatted(UUID.randomUUID(), Instant.now())).post("/api/v1/customers/" + customer + "/purchases")
                .then().statusCode(201);
        // every service has heard of the customer: graded, cared for, and a complaint naming them filed
        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> "CORE".equals(gateway()
                .get("/api/v1/customers/" + customer + "/tiers").then().statusCode(200).extract().jsonPath()
                .getString("tiers.find { it.scheme == 'VALUE' }.tier")));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> gateway()
                .body("""
                        {"customerId":"%s","channel":"HOTLINE","category":"AFTER_SALES.REPAIR_DELAY",
                         "severity":"MEDIUM","title":"%s 投诉","description":"请打 %s","contact":"%s %s"}"""
                        .formatted(customer, marker, phone, phone, email))
                .post("/api/v1/complaints").then().extract().statusCode() == 201);
        String[] traces = { marker, phone, email, address, birthday };
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                holding(traces)).as("the customer's data is on the personal-data topic before the erasure")
                .contains("customer.personal-data"));

        gateway().post("/api/v1/customers/" + customer + "/erasure").then().statusCode(200);

        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(holding(traces)).as("topics holding the erased customer's data")
                        .isEmpty());
        assertThat(topics()).contains("customer.events", "customer.personal-data", "tier.events", "care.events",
                "complaint.events");
    }

    private static io.restassured.specification.RequestSpecification gateway() {
        return given().baseUri(Suite.url(Suite.port("api-gateway"))).auth().oauth2(admin)
                .contentType(ContentType.JSON);
    }

    private static Set<String> topics() throws Exception {
        try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            return kafka.listTopics().names().get(10, TimeUnit.SECONDS);
        }
    }

    /** The topics on which some record's value or header holds one of the traces, read from the beginning. */
    private static List<String> holding(String... traces) throws Exception {
        List<String> holding = new ArrayList<>();
        for (String topic : topics()) {
            for (ConsumerRecord<byte[], byte[]> record : readAll(topic)) {
                StringBuilder text = new StringBuilder();
                if (record.value() != null) {
                    text.append(new String(record.value(), StandardCharsets.UTF_8));
                }
                for (Header header : record.headers()) {
                    if (header.value() != null) {
                        text.append('\n').append(new String(header.value(), StandardCharsets.UTF_8));
                    }
                }
                String all = text.toString();
                for (String trace : traces) {
                    if (all.contains(trace) && !holding.contains(topic)) {
                        holding.add(topic);
                    }
                }
            }
        }
        return holding;
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static String bootstrap() {
        return "127.0.0.1:" + Suite.KAFKA_PORT;
    }
}
