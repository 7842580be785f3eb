package io.tiercare.chassis.deadletter;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tiercare.chassis.events.CloudEventHeaders;
import io.tiercare.chassis.events.KafkaClientSettings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * This service's dead-letter topic, for an operator: what it holds, and re-driving chosen records to the topic they
 * came from once the cause is fixed. Each record is re-driven at most once (a claim in {@code dead_letter_redrive},
 * inserted first and kept only when the broker acknowledged the copy); the consumers' inbox applies it at most once
 * in any case, since a dead-lettered record was never claimed there.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final String REASON = "dead-letter-reason";
    static final String ORIGIN_TOPIC = "dead-letter-topic";
    static final String ORIGIN_PARTITION = "dead-letter-partition";
    static final String ORIGIN_OFFSET = "dead-letter-offset";

    /** What became of one record asked to be re-driven. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "RedriveOutcome")
    public enum Outcome { REDRIVEN, ALREADY_REDRIVEN, NOT_FOUND }

    private final KafkaClientSettings kafka;
    private final EntityManager em;
    private final Clock clock;
    private final String topic;
    private KafkaProducer<byte[], byte[]> producer;

    DeadLetters(KafkaClientSettings kafka, EntityManager em, Clock clock,
            @ConfigProperty(name = "mp.messaging.connector.smallrye-kafka.dead-letter-queue.topic") String topic) {
        this.kafka = kafka;
        this.em = em;
        this.clock = clock;
        this.topic = topic;
    }

    public String topic() {
        return topic;
    }

    /** The records on the topic, oldest first per partition, at most {@code limit}. */
    public List<DeadLetter> list(int limit) {
        Map<String, Instant> redriven = redriven();
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            if (partitions.isEmpty()) {
                return letters;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (letters.size() < limit && !reachedEnd(consumer, ends) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (letters.size() < limit && record.offset() < ends.get(new TopicPartition(topic,
                            record.partition()))) {
                        letters.add(letter(record, redriven.get(record.partition() + "/" + record.offset())));
                    }
                }
            }
        }
        return letters;
    }

    /** How many records the topic holds (all partitions, from their first offset to their end). */
    public long count() {
        try (Admin admin = Admin.create(kafka.with(Map.of(
                AdminClientConfig.CLIENT_ID_CONFIG, "dead-letter-counter",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis())))) {
            TopicDescription description;
            try {
                description = admin.describeTopics(List.of(topic)).allTopicNames()
                        .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                    return 0; // nothing was ever dead-lettered here
                }
                throw e;
            }
            List<TopicPartition> partitions = description.partitions().stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            long total = 0;
            Map<TopicPartition, ListOffsetsResultInfo> begins = offsets(admin, partitions, OffsetSpec.earliest());
            for (var end : offsets(admin, partitions, OffsetSpec.latest()).entrySet()) {
                total += end.getValue().offset() - begins.get(end.getKey()).offset();
            }
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while counting dead letters", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not count the dead letters: " + e.getClass().getSimpleName(), e);
        }
    }

    private static Map<TopicPartition, ListOffsetsResultInfo> offsets(Admin admin, List<TopicPartition> partitions,
            OffsetSpec spec) throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, spec));
        return admin.listOffsets(request).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends the record at {@code partition}/{@code offset} back to its origin topic, unless it was before. */
    public Outcome redrive(int partition, long offset) {
        Optional<ConsumerRecord<byte[], byte[]>> found = read(partition, offset);
        if (found.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        ConsumerRecord<byte[], byte[]> record = found.get();
        String origin = header(record, ORIGIN_TOPIC);
        if (origin == null) {
            return Outcome.NOT_FOUND;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            int claimed = em.createNativeQuery("""
                    insert into dead_letter_redrive (dlq_partition, dlq_offset, redriven_at) values (?1, ?2, ?3)
                    on conflict do nothing""")
                    .setParameter(1, partition).setParameter(2, offset)
                    .setParameter(3, Timestamp.from(clock.instant())).executeUpdate();
            if (claimed == 0) {
                return Outcome.ALREADY_REDRIVEN;
            }
            send(origin, record); // a failure rolls the claim back: the record can be re-driven again
            LOG.infof("Re-drove dead letter %d/%d (%s) to %s", partition, offset, header(record,
                    CloudEventHeaders.ID), origin);
            return Outcome.REDRIVEN;
        });
    }

    private void send(String origin, ConsumerRecord<byte[], byte[]> record) {
        ProducerRecord<byte[], byte[]> copy = new ProducerRecord<>(origin, null, record.key(), record.value());
        for (Header header : record.headers()) {
            if (!header.key().startsWith("dead-letter-")) {
                copy.headers().add(header.key(), header.value());
            }
        }
        try {
            producer().send(copy).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("could not re-drive to " + origin + ": " + e.getClass().getSimpleName(),
                    e);
        }
    }

    /** One producer for every re-drive of this service's life, made at the first. */
    private synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(kafka.with(Map.of(
                    ProducerConfig.CLIENT_ID_CONFIG, "dead-letter-redrive",
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName())));
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(TIMEOUT);
            producer = null;
        }
    }

    private Optional<ConsumerRecord<byte[], byte[]>> read(int partition, long offset) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            TopicPartition where = new TopicPartition(topic, partition);
            if (partitions(consumer).stream().noneMatch(where::equals)) {
                return Optional.empty();
            }
            consumer.assign(List.of(where));
            long begin = consumer.beginningOffsets(List.of(where), TIMEOUT).get(where);
            long end = consumer.endOffsets(List.of(where), TIMEOUT).get(where);
            if (offset < begin || offset >= end) {
                return Optional.empty();
            }
            consumer.seek(where, offset);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == offset) {
                        return Optional.of(record);
                    }
                }
            }
            return Optional.empty();
        }
    }

    private Map<String, Instant> redriven() {
        Map<String, Instant> redriven = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(
                    "select dlq_partition, dlq_offset, redriven_at from dead_letter_redrive").getResultList();
            for (Object[] row : rows) {
                redriven.put(row[0] + "/" + row[1], toInstant(row[2]));
            }
        });
        return redriven;
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return value instanceof java.time.OffsetDateTime time ? time.toInstant() : null;
    }

    private DeadLetter letter(ConsumerRecord<byte[], byte[]> record, Instant redrivenAt) {
        return new DeadLetter(record.partition(), record.offset(), header(record, CloudEventHeaders.ID),
                header(record, CloudEventHeaders.TYPE), header(record, CloudEventHeaders.SUBJECT),
                header(record, REASON), header(record, ORIGIN_TOPIC), number(header(record, ORIGIN_PARTITION),
                        Integer::valueOf), number(header(record, ORIGIN_OFFSET), Long::valueOf),
                Instant.ofEpochMilli(record.timestamp()), redrivenAt);
    }

    private static <N> N number(String text, java.util.function.Function<String, N> parse) {
        try {
            return text == null ? null : parse.apply(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return CloudEventHeaders.text(record.headers(), name);
    }

    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
        List<PartitionInfo> infos = consumer.listTopics(TIMEOUT).get(topic);
        return infos == null ? List.of() : infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    }

    private static boolean reachedEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(kafka.with(Map.of(
                ConsumerConfig.CLIENT_ID_CONFIG, "dead-letter-reader",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName())));
    }
}
