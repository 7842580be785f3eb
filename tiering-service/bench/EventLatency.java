import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Event-to-tier.changed latency: records one purchase per customer through customer-service at a steady rate, and
 * measures, for each, the time from sending the POST to receiving the customer's tier.changed (VALUE, direction UP)
 * on tier.events, as a subscriber would. Customers must be registered and graded POTENTIAL beforehand; each
 * purchase of 35 000 CNY makes its customer IMPORTANT.
 *
 * It also reads the purchase-recorded events on customer.events, and prints where the time went (p50/p99 of each
 * leg, wall-clock milliseconds on this machine): POST to purchase-recorded on Kafka (customer-service), to
 * tier.changed written (tiering's consumer: ce_time of the tier event), to tier.changed on Kafka (tiering's outbox
 * relay), to received by the subscriber.
 *
 * Usage: java -cp "<kafka lib>/*" EventLatency.java BASE_URL TOKEN BOOTSTRAP IDS_FILE RATE WARMUP_S MEASURED_S
 */
public class EventLatency {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        String bootstrap = args[2];
        List<String> ids = Files.readAllLines(Path.of(args[3]));
        int rate = Integer.parseInt(args[4]);
        int warmup = Integer.parseInt(args[5]);
        int measured = Integer.parseInt(args[6]);
        int total = rate * (warmup + measured);
        if (ids.size() < total) {
            throw new IllegalArgumentException("need " + total + " customers, have " + ids.size());
        }

        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> sentWall = new ConcurrentHashMap<>();
        Map<String, Long> latencyMs = new ConcurrentHashMap<>();
        Map<String, Long> purchaseOnKafka = new ConcurrentHashMap<>();
        Map<String, long[]> tierLegs = new ConcurrentHashMap<>();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of("tier.events", "customer.events")) {
            consumer.partitionsFor(topic, Duration.ofSeconds(10))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        Thread listener = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    long nowWall = System.currentTimeMillis();
                    String type = header(r, "ce_type");
                    Long sent = sentAt.get(r.key());
                    if (sent == null || type == null) {
                        continue;
                    }
                    if ("tiercare.customer.purchase-recorded.v1".equals(type)) {
                        purchaseOnKafka.putIfAbsent(r.key(), r.timestamp());
                    } else if ("tiercare.tier.changed.v1".equals(type)
                            && r.value().contains("\"scheme\":\"VALUE\"") && r.value().contains("\"direction\":\"UP\"")) {
                        if (latencyMs.putIfAbsent(r.key(), TimeUnit.NANOSECONDS.toMicros(now - sent)) == null) {
                            tierLegs.put(r.key(), new long[] { Instant.parse(header(r, "ce_time")).toEpochMilli(),
                                    r.timestamp(), nowWall });
                        }
                    }
                }
            }
        });
        listener.setDaemon(true);
        listener.start();

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(8)).build();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        pacer.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i >= total) {
                return;
            }
            String customer = ids.get(i).strip();
            String body = "{\"externalOrderId\":\"LAT-" + customer + "\",\"amount\":35000.00,"
                    + "\"purchasedAt\":\"2026-11-01T00:00:00Z\",\"productCategory\":\"空调\",\"channel\":\"STORE\"}";
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/customers/" + customer
                    + "/purchases")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            if (i >= rate * warmup) {
                sentWall.put(customer, System.currentTimeMillis());
                sentAt.put(customer, System.nanoTime());
            }
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenAccept(response -> {
                if (response.statusCode() != 201) {
                    failures.incrementAndGet();
                }
            }).exceptionally(e -> {
                failures.incrementAndGet();
                return null;
            });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);

        long end = start + TimeUnit.SECONDS.toNanos(warmup + measured);
        while (System.nanoTime() < end || latencyMs.size() < sentAt.size()) {
            Thread.sleep(100);
            if (System.nanoTime() > end + TimeUnit.SECONDS.toNanos(30)) {
                break; // whatever has not arrived 30 s after the last purchase counts as missing
            }
        }
        pacer.shutdownNow();
        List<Long> values = new ArrayList<>(latencyMs.values());
        Collections.sort(values);
        List<List<Long>> legs = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        tierLegs.forEach((customer, tier) -> {
            Long onKafka = purchaseOnKafka.get(customer);
            if (onKafka == null) {
                return;
            }
            long[] points = { sentWall.get(customer), onKafka, tier[0], tier[1], tier[2] };
            for (int leg = 0; leg < 4; leg++) {
                legs.get(leg).add(1000 * Math.max(0, points[leg + 1] - points[leg]));
            }
        });
        legs.forEach(Collections::sort);
        StringBuilder legFigures = new StringBuilder();
        String[] names = { "customer", "consumer", "relay", "subscriber" };
        for (int leg = 0; leg < 4; leg++) {
            legFigures.append(String.format(" %s=%.0f/%.0f", names[leg], pct(legs.get(leg), 50),
                    pct(legs.get(leg), 99)));
        }
        System.out.printf("sent=%d measured=%d received=%d missing=%d failures=%d p50=%.1f p90=%.1f p99=%.1f max=%.1f%s%n",
                next.get(), sentAt.size(), values.size(), sentAt.size() - values.size(), failures.get(),
                pct(values, 50), pct(values, 90), pct(values, 99),
                values.isEmpty() ? 0 : values.get(values.size() - 1) / 1000.0, legFigures);
        System.exit(0);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }
}
