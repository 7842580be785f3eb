package io.tiercare.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/** Reads and writes the test broker directly, the way another system would. */
public final class TestKafka {

    private TestKafka() {
    }

    /** Waits until a record matching the predicate is on the topic and returns it. */
    public static ConsumerRecord<String, String> awaitRecord(String topic,
            Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        // a broker that has just started may not answer metadata requests yet: keep asking until the timeout
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
            readAll(topic).stream().filter(match).findFirst().ifPresent(found::add);
            return !found.isEmpty();
        });
        return found.get(0);
    }

    /** Every record on the topic at this moment, from the beginning of each partition to its current end. */
    public static List<ConsumerRecord<String, String>> readAll(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!reachedEnd(consumer, end) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /**
     * Waits until the consumer group has committed, on every partition of the topic, the end offset the topic has
     * now: whatever was on it before this call has been processed. A test JVM's consumer group is fresh and replays
     * what earlier modules' tests left on a shared topic; a test that measures how a backlog of its own is handled
     * waits for that replay first.
     */
    public static void awaitCaughtUp(String group, String topic, Duration timeout) {
        Properties props = consumerProperties();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
                org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> {
                        Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed = admin
                                .listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                        return end.entrySet().stream().allMatch(e -> e.getValue() == 0
                                || committed.get(e.getKey()) != null
                                        && committed.get(e.getKey()).offset() >= e.getValue());
                    });
        }
    }

    public static void send(ProducerRecord<String, String> record) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TierCareTestInfrastructure.kafkaBootstrap());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + record.topic(), e);
        }
    }

    /**
     * Sends a binary-mode CloudEvent as another service's relay would: keyed and subject by {@code key}, a fresh
     * {@code ce_id}, the current time.
     */
    public static void sendEvent(String topic, String key, String type, String source, String data) {
        sendEvent(topic, key, type, source, data, Map.of());
    }

    /** As {@link #sendEvent(String, String, String, String, String)}, with more headers (traceparent, say). */
    public static void sendEvent(String topic, String key, String type, String source, String data,
            Map<String, String> moreHeaders) {
        ProducerRecord<String, String> record = cloudEvent(topic, key, java.util.UUID.randomUUID().toString(), type,
                source, data);
        moreHeaders.forEach((name, value) -> addHeader(record, name, value));
        send(record);
    }

    /**
     * A binary-mode CloudEvent as a relay writes it, keyed and subject by {@code key}, with the given {@code ce_id}
     * and the current time, for a test that adds or changes headers before sending it.
     */
    public static ProducerRecord<String, String> cloudEvent(String topic, String key, String id, String type,
            String source, String data) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, data);
        addHeader(record, "ce_specversion", "1.0");
        addHeader(record, "ce_id", id);
        addHeader(record, "ce_type", type);
        addHeader(record, "ce_source", source);
        addHeader(record, "ce_subject", key);
        addHeader(record, "ce_time", java.time.Instant.now().toString());
        addHeader(record, "content-type", "application/json");
        return record;
    }

    /** Adds a header as UTF-8 text. */
    public static void addHeader(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A header's value as text, or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** All headers as text, for assertions on the whole set. */
    public static Map<String, String> headers(ConsumerRecord<?, ?> record) {
        return java.util.stream.StreamSupport.stream(record.headers().spliterator(), false)
                .collect(Collectors.toMap(Header::key, h -> new String(h.value(), StandardCharsets.UTF_8),
                        (a, b) -> b));
    }

    private static boolean reachedEnd(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        Collection<TopicPartition> partitions = end.keySet();
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition) < end.get(partition)) {
                return false;
            }
        }
        return true;
    }

    private static Properties consumerProperties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TierCareTestInfrastructure.kafkaBootstrap());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return props;
    }
}
