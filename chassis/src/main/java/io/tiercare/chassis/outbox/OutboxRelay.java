package io.tiercare.chassis.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.tiercare.chassis.events.CloudEventHeaders;
import io.tiercare.chassis.events.KafkaClientSettings;
import io.tiercare.chassis.events.KafkaReadinessCheck;
import io.tiercare.chassis.outage.InfrastructureFailure;
import io.tiercare.chassis.trace.EventTrace;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Publishes outbox rows to Kafka as binary-mode CloudEvents, waits for the broker's acknowledgement, then deletes
 * them, all in one database transaction (the outbox is a queue; Kafka keeps the events). While Kafka is unreachable the batch rolls back and is retried with
 * exponential backoff, so nothing is lost; a crash after the send and before the commit re-sends (at-least-once,
 * which consumers absorb through their inbox).
 * <p>
 * With several replicas, a transaction-scoped advisory lock lets one relay work at a time, which keeps each
 * customer's events in order; the others stand by and take over within one poll interval. Rows are additionally
 * claimed {@code FOR UPDATE SKIP LOCKED} so no row is ever handled by two relays.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** How often a backoff checks whether what failed answers again. */
    private static final Duration RECOVERY_CHECK = Duration.ofMillis(500);
    /** Up to this many waiting events the backlog is counted exactly. */
    private static final long EXACT_BACKLOG = 10_000;
    /**
     * Published rows are deleted, and until vacuum runs their dead index entries sit at the head of the
     * {@code seq} order: a queue read from the head would wade through them on every batch. So a batch reads from
     * a little below the highest sequence published so far, which also catches a transaction that took its
     * sequence numbers a moment before a later one committed; once per poll interval a batch reads from the head,
     * which picks up anything that committed later still (a long import, say).
     */
    private static final long LOOKBACK = 1000;

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final KafkaClientSettings kafka;
    private final MeterRegistry registry;
    private final Tracer tracer;
    private final KafkaReadinessCheck kafkaReadiness;
    private final Object signal = new Object();
    private final Counter published;
    private final Counter failures;

    private volatile boolean running;
    private volatile boolean wakeRequested;
    private volatile long backlog;
    private volatile String lastError;
    /** Where the next batch starts reading (worker thread only); see {@link #LOOKBACK}. */
    private long resumeAfter;
    private long lastFullScan = System.nanoTime() - Long.MAX_VALUE / 2;
    private Thread worker;
    private Producer<String, byte[]> producer;
    private KafkaClientMetrics producerMetrics;

    OutboxRelay(AgroalDataSource dataSource, OutboxConfig config, MeterRegistry registry, KafkaClientSettings kafka,
            Tracer tracer, @Readiness KafkaReadinessCheck kafkaReadiness) {
        this.kafkaReadiness = kafkaReadiness;
        this.dataSource = dataSource;
        this.config = config;
        this.kafka = kafka;
        this.registry = registry;
        this.tracer = tracer;
        Gauge.builder("tiercare.outbox.backlog", this, relay -> relay.backlog)
                .description("Outbox events not yet published to Kafka").register(registry);
        this.published = Counter.builder("tiercare.outbox.published").description("Outbox events published")
                .register(registry);
        this.failures = Counter.builder("tiercare.outbox.failures").description("Failed publication attempts")
                .register(registry);
    }

    void start(@Observes @Priority(Integer.MAX_VALUE) StartupEvent event) {
        if (!config.relayEnabled()) {
            LOG.info("Outbox relay disabled on this instance");
            return;
        }
        producer = new KafkaProducer<>(producerConfig());
        producerMetrics = new KafkaClientMetrics(producer);
        producerMetrics.bindTo(registry);
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wake();
        if (worker != null) {
            try {
                worker.join(config.sendTimeout().toMillis() + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producerMetrics.close();
            producer.close(Duration.ofSeconds(5));
        }
    }

    void onAppended(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxAppended event) {
        wake();
    }

    /** Asks the relay to look for rows now rather than at the next poll. */
    public void wake() {
        synchronized (signal) {
            wakeRequested = true;
            signal.notifyAll();
        }
    }

    /**
     * Events written but not yet acknowledged by Kafka, as of the last count (at most a second old): exact up to
     * 10 000, an upper bound beyond.
     */
    public long backlog() {
        return backlog;
    }

    /** Why the last attempt failed, or null when it succeeded. */
    public String lastError() {
        return lastError;
    }

    private void loop() {
        Duration backoff = config.initialBackoff();
        while (running) {
            try {
                int sent = relayBatch();
                if (lastError != null) {
                    LOG.infof("Outbox relay publishing again after: %s", lastError);
                }
                lastError = null;
                backoff = config.initialBackoff();
                if (sent < config.batchSize()) {
                    await(config.pollInterval(), true);
                }
            } catch (Exception e) {
                failures.increment();
                boolean database = InfrastructureFailure.isInfrastructure(e);
                String error = (database ? "database: " : "broker: ") + InfrastructureFailure.summary(e);
                if (lastError == null) {
                    LOG.warnf("Outbox relay could not publish (%s); retrying with backoff up to %s until it can",
                            error, config.maxBackoff());
                } else {
                    LOG.debugf("Outbox relay still cannot publish (%s), next attempt within %s", error, backoff);
                }
                lastError = error;
                awaitRecovery(backoff, database);
                backoff = backoff.multipliedBy(2).compareTo(config.maxBackoff()) > 0 ? config.maxBackoff()
                        : backoff.multipliedBy(2);
            }
        }
    }

    /**
     * Waits out a backoff, cut short as soon as what failed answers again: the database (a committed append proves
     * it, or a connection that validates) or the broker (the readiness check's cluster query), checked every
     * {@link #RECOVERY_CHECK}.
     */
    private void awaitRecovery(Duration backoff, boolean database) {
        long deadline = System.nanoTime() + backoff.toNanos();
        while (running) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            boolean appended = await(Duration.ofNanos(Math.min(left, RECOVERY_CHECK.toNanos())), database);
            if (appended || (database ? databaseAnswers() : brokerAnswers())) {
                return;
            }
        }
    }

    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    private boolean brokerAnswers() {
        return kafkaReadiness.call().getStatus() == HealthCheckResponse.Status.UP;
    }

    /** Publishes one batch; returns how many rows it published. */
    int relayBatch() throws SQLException, InterruptedException, java.util.concurrent.ExecutionException,
            TimeoutException {
        long now = System.nanoTime();
        boolean fullScan = now - lastFullScan >= config.pollInterval().toNanos();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long[] highest = {-1};
                int sent = relayBatch(connection, fullScan ? 0 : resumeAfter, highest);
                connection.commit();
                if (fullScan) {
                    lastFullScan = now;
                }
                if (sent > 0) {
                    published.increment(sent);
                    resumeAfter = Math.max(resumeAfter, highest[0] - LOOKBACK);
                }
                return sent;
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private int relayBatch(Connection connection, long after, long[] highest) throws SQLException, InterruptedException,
            java.util.concurrent.ExecutionException, TimeoutException {
        // The queue's statistics are always stale (rows come and go by the thousand between two analyses): left to
        // them, the planner may take the table for empty and scan it whole to delete a batch. Rows are only ever
        // reached by key here, so sequential scans are ruled out for this transaction.
        try (PreparedStatement lock = connection.prepareStatement("""
                select pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox_relay')),
                       set_config('enable_seqscan', 'off', true)""");
                ResultSet locked = lock.executeQuery()) {
            locked.next();
            if (!locked.getBoolean(1)) {
                return 0; // another replica is relaying
            }
        }
        List<UUID> ids = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        // one attempt, sends and acknowledgements together, never holds its row locks past the send timeout
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        try {
            try (PreparedStatement select = connection.prepareStatement("""
                    select id, topic, type, source, subject, dataschema, occurred_at, payload::text, seq,
                           traceparent, tracestate, correlation_id
                    from outbox_event where seq > ?
                    order by seq limit ? for update skip locked""")) {
                select.setLong(1, after);
                select.setInt(2, config.batchSize());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        UUID id = rows.getObject(1, UUID.class);
                        ids.add(id);
                        Span span = sendSpan(id, rows);
                        spans.add(span);
                        Future<RecordMetadata> ack = producer.send(record(id, rows, span));
                        acks.add(ack);
                        highest[0] = Math.max(highest[0], rows.getLong("seq"));
                        if (ack.isDone()) {
                            ack.get(); // failed at once (the broker unknown): give up the batch now
                        }
                        if (System.nanoTime() > deadline) {
                            throw new TimeoutException("sending took longer than " + config.sendTimeout());
                        }
                    }
                }
            }
            if (ids.isEmpty()) {
                return 0;
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (Exception e) {
            spans.forEach(span -> span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName()));
            throw e;
        } finally {
            spans.forEach(Span::end);
        }
        try (PreparedStatement delete = connection.prepareStatement("delete from outbox_event where id = any(?)")) {
            delete.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            delete.executeUpdate();
        }
        return ids.size();
    }

    /**
     * The producer span of one event (OpenTelemetry messaging conventions), a child of the span that wrote it: its
     * context goes out as the record's {@code traceparent}, so the consumer's work joins the writer's trace.
     */
    private Span sendSpan(UUID id, ResultSet row) throws SQLException {
        String topic = row.getString("topic");
        EventTrace origin = new EventTrace(row.getString("traceparent"), row.getString("tracestate"), null);
        return tracer.spanBuilder("send " + topic).setSpanKind(SpanKind.PRODUCER).setParent(origin.context())
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.message.id", id.toString())
                .setAttribute("messaging.kafka.message.key", row.getString("subject"))
                .setAttribute("cloudevents.event_type", row.getString("type"))
                .startSpan();
    }

    private static ProducerRecord<String, byte[]> record(UUID id, ResultSet row, Span span) throws SQLException {
        String subject = row.getString("subject");
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.ID, id.toString());
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(headers, CloudEventHeaders.TYPE, row.getString("type"));
        header(headers, CloudEventHeaders.SOURCE, row.getString("source"));
        header(headers, CloudEventHeaders.SUBJECT, subject);
        header(headers, CloudEventHeaders.TIME,
                DateTimeFormatter.ISO_INSTANT.format(row.getTimestamp("occurred_at").toInstant()));
        String dataschema = row.getString("dataschema");
        if (dataschema != null) {
            header(headers, CloudEventHeaders.DATA_SCHEMA, dataschema);
        }
        String payload = row.getString("payload");
        if (payload != null) {
            header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        }
        String correlationId = row.getString("correlation_id");
        if (correlationId != null) {
            header(headers, CloudEventHeaders.CORRELATION_ID, correlationId);
        }
        EventTrace sent = EventTrace.of(Context.root().with(span), null);
        if (sent.traceparent() != null) {
            header(headers, EventTrace.TRACEPARENT, sent.traceparent());
        }
        if (sent.tracestate() != null && !sent.tracestate().isEmpty()) {
            header(headers, EventTrace.TRACESTATE, sent.tracestate());
        }
        // no payload: a tombstone, which a compacted topic keeps in place of everything before it for the key
        byte[] value = payload == null ? null : payload.getBytes(StandardCharsets.UTF_8);
        return new ProducerRecord<>(row.getString("topic"), null, subject, value, headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Counts the backlog every second, apart from the relay's own work, so the figure follows the real backlog
     * while the relay waits for the broker (and an alert on it fires).
     */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshBacklog() {
        // Counted exactly while small (the usual case); beyond that the range of waiting sequence numbers, read from
        // the index, stands in for it: an upper bound, and no scan of millions of rows every second during an outage.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement("""
                        select case when small.n <= ? then small.n
                                    else (select max(seq) - min(seq) + 1 from outbox_event) end
                        from (select count(*) as n from (select 1 from outbox_event limit ? + 1) waiting) small""")) {
            count.setLong(1, EXACT_BACKLOG);
            count.setLong(2, EXACT_BACKLOG);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                backlog = rows.getLong(1);
            }
        } catch (SQLException e) {
            LOG.debugf("Could not count the outbox backlog: %s", e.getMessage());
        }
    }

    /** Waits {@code duration}; true when an append woke it first ({@code wakeable}). */
    private boolean await(Duration duration, boolean wakeable) {
        long deadline = System.nanoTime() + duration.toNanos();
        synchronized (signal) {
            while (running && !(wakeable && wakeRequested)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(signal, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            boolean woken = wakeable && wakeRequested;
            wakeRequested = false;
            return woken;
        }
    }

    private Map<String, Object> producerConfig() {
        int requestTimeout = (int) Math.min(config.sendTimeout().toMillis(), 5000L);
        int lingerMs = 2;
        // the producer requires delivery.timeout.ms >= linger.ms + request.timeout.ms
        int deliveryTimeout = (int) Math.max(config.sendTimeout().toMillis(), requestTimeout + lingerMs);
        return kafka.with(Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + config.source().replace('/', '-'),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, lingerMs,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, requestTimeout,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeout,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeout,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
    }
}
