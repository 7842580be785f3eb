import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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

/**
 * tier.changed → care task latency, as other systems see it: sends tier.changed (VALUE, IMPORTANT → CORE) for one
 * customer after another at a steady rate, as tiering-service would, and measures for each the time from sending to
 * receiving care-service's task-scheduled (CORE_VISIT) for that customer on care.events — the task is in the
 * account manager's queue before that event leaves the outbox.
 *
 * Usage:
 *   java -cp "<kafka lib>/*" TaskLatency.java register BOOTSTRAP IDS_FILE MANAGER
 *       announces each customer of IDS_FILE (registered, account manager MANAGER) on customer.events
 *   java -cp "<kafka lib>/*" TaskLatency.java measure BOOTSTRAP IDS_FILE FIRST RATE SECONDS
 *       one step: customers FIRST… at RATE per second for SECONDS; prints p50/p90/p99/max in ms, missing
 */
public class TaskLatency {

    public static void main(String[] args) throws Exception {
        String bootstrap = args[1];
        List<String> ids = Files.readAllLines(Path.of(args[2])).stream().map(String::strip).toList();
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            if ("register".equals(args[0])) {
                for (String id : ids) {
                    producer.send(event("customer.events", id, "tiercare.customer.registered.v2",
                            "/tiercare/customer-service", "{\"customerId\":\"" + id + "\",\"type\":\"INDIVIDUAL\","
                                    + "\"profile\":{\"usesCompetitor\":false},\"accountManagerId\":\"" + args[3]
                                    + "\",\"registeredAt\":\"" + Instant.now() + "\"}"));
                }
                producer.flush();
                return;
            }
            measure(producer, bootstrap, ids, Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]));
        }
        System.exit(0);
    }

    private static void measure(KafkaProducer<String, String> producer, String bootstrap, List<String> ids,
            int first, int rate, int seconds) throws InterruptedException {
        int total = rate * seconds;
        if (ids.size() < first + total) {
            throw new IllegalArgumentException("need " + (first + total) + " customers, have " + ids.size());
        }
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> latencyMicros = new ConcurrentHashMap<>();
        KafkaConsumer<String, String> consumer = consumer(bootstrap);
        Thread listener = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(20))) {
                    long now = System.nanoTime();
                    Long sent = sentAt.get(r.key());
                    if (sent != null && "tiercare.care.task-scheduled.v1".equals(header(r, "ce_type"))
                            && r.value().contains("\"itemCode\":\"CORE_VISIT\"")) {
                        latencyMicros.putIfAbsent(r.key(), TimeUnit.NANOSECONDS.toMicros(now - sent));
                    }
                }
            }
        });
        listener.setDaemon(true);
        listener.start();

        AtomicInteger next = new AtomicInteger();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        pacer.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i >= total) {
                return;
            }
            String customer = ids.get(first + i);
            sentAt.put(customer, System.nanoTime());
            producer.send(event("tier.events", customer, "tiercare.tier.changed.v1", "/tiercare/tiering-service",
                    "{\"customerId\":\"" + customer + "\",\"scheme\":\"VALUE\",\"fromTier\":\"IMPORTANT\","
                            + "\"toTier\":\"CORE\",\"direction\":\"UP\",\"reason\":\"benchmark\",\"policyVersion\":1,"
                            + "\"effectiveAt\":\"" + Instant.now() + "\"}"));
        }, 0, TimeUnit.SECONDS.toNanos(1) / rate, TimeUnit.NANOSECONDS);
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end || latencyMicros.size() < sentAt.size()) {
            Thread.sleep(50);
            if (System.nanoTime() > end + TimeUnit.SECONDS.toNanos(20)) {
                break; // what has not arrived 20 s after the last tier change counts as missing
            }
        }
        pacer.shutdownNow();
        List<Long> values = new ArrayList<>(latencyMicros.values());
        Collections.sort(values);
        System.out.printf("rate=%d sent=%d received=%d missing=%d p50=%.1f p90=%.1f p99=%.1f max=%.1f%n", rate,
                sentAt.size(), values.size(), sentAt.size() - values.size(), pct(values, 50), pct(values, 90),
                pct(values, 99), values.isEmpty() ? 0 : values.get(values.size() - 1) / 1000.0);
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        return new KafkaProducer<>(props);
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor("care.events", Duration.ofSeconds(10))
                .forEach(p -> partitions.add(new TopicPartition("care.events", p.partition())));
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    private static ProducerRecord<String, String> event(String topic, String key, String type, String source,
            String data) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, data);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_type", type);
        header(record, "ce_source", source);
        header(record, "ce_subject", key);
        header(record, "ce_time", Instant.now().toString());
        header(record, "content-type", "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1000.0;
    }
}
