package io.tiercare.chassis.inbox;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.tiercare.chassis.events.IncomingEvent;
import io.tiercare.chassis.events.PoisonMessageException;
import io.tiercare.chassis.outage.DatabaseOutage;
import io.tiercare.chassis.outage.InfrastructureFailure;
import io.tiercare.chassis.trace.EventProcessing;
import io.tiercare.chassis.trace.EventTrace;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Consumes Kafka records a poll at a time, in key order (see {@link #inKeyOrder}): one transaction for the whole batch (so the per-transaction cost, and
 * whatever the handler does in {@link EventBatchHandler#complete}, is paid once per poll instead of once per event).
 * If that transaction fails, nothing of it stays and the records are applied again one per transaction, so only a
 * record that fails on its own goes to the dead-letter topic (with the failure as its reason) and the others are
 * applied, in order. A transaction that fails for a transient reason (a deadlock or serialization failure, which
 * two consumers touching the same rows can cause) is retried, up to {@value #ATTEMPTS} attempts, before either; one
 * that fails because the database is unavailable is never the records' fault: it is tried again until the database
 * is back ({@link DatabaseOutage#outlast}), nothing acknowledged or dead-lettered meanwhile.
 *
 * <p>The channel is configured with {@code batch=true} and the method, {@code @Blocking(ordered = true)}, returns
 * what {@link #apply} returns.
 */
@ApplicationScoped
public class EventBatches {

    private static final Logger LOG = Logger.getLogger(EventBatches.class);
    static final int ATTEMPTS = 3;

    private final EventProcessing tracing;
    private final DatabaseOutage outage;

    EventBatches(EventProcessing tracing, DatabaseOutage outage) {
        this.tracing = tracing;
        this.outage = outage;
    }

    /**
     * Applies the batch with a fresh handler per transaction, then acknowledges it. While the database is
     * unavailable nothing is acknowledged or dead-lettered: the transaction waits for it and is tried again
     * ({@link DatabaseOutage#outlast}), so the consumer keeps its position and, once the database is back, applies
     * everything in order. If the application stops meanwhile, the batch is left unacknowledged, to be delivered again.
     */
    public CompletionStage<Void> apply(KafkaRecordBatch<String, String> batch,
            Supplier<? extends EventBatchHandler> handlers) {
        List<KafkaRecord<String, String>> records = inKeyOrder(batch.getRecords(), KafkaRecord::getKey);
        if (records.isEmpty()) {
            return batch.ack();
        }
        try {
            return applyOrDeadLetter(batch, records, handlers);
        } catch (DatabaseOutage.ShuttingDown stopping) {
            LOG.infof("Stopping while waiting for the database: %d records left for the next run", records.size());
            return new CompletableFuture<>();
        }
    }

    private CompletionStage<Void> applyOrDeadLetter(KafkaRecordBatch<String, String> batch,
            List<KafkaRecord<String, String>> records, Supplier<? extends EventBatchHandler> handlers) {
        try {
            inTransaction(records, handlers);
            return batch.ack();
        } catch (DatabaseOutage.ShuttingDown stopping) {
            throw stopping;
        } catch (RuntimeException failure) {
            if (records.size() == 1) {
                return records.get(0).nack(failure).thenCompose(ignored -> batch.ack());
            }
            if (failure instanceof PoisonMessageException) {
                LOG.debugf("A batch of %d records holds an unreadable one; applying them one at a time",
                        records.size());
            } else {
                LOG.warnf("A batch of %d records failed (%s); applying them one at a time", records.size(),
                        InfrastructureFailure.summary(failure));
            }
        }
        CompletionStage<Void> deadLettered = CompletableFuture.completedFuture(null);
        for (KafkaRecord<String, String> record : records) {
            try {
                inTransaction(List.of(record), handlers);
            } catch (DatabaseOutage.ShuttingDown stopping) {
                throw stopping;
            } catch (RuntimeException failure) {
                deadLettered = deadLettered.thenCompose(ignored -> record.nack(failure));
            }
        }
        return deadLettered.thenCompose(ignored -> batch.ack());
    }

    /** One transaction for the records, outlasting a database outage and retrying a transient failure. */
    private void inTransaction(List<KafkaRecord<String, String>> records,
            Supplier<? extends EventBatchHandler> handlers) {
        outage.outlast(() -> {
            retryingTransient(records, handlers);
            return null;
        });
    }

    private void retryingTransient(List<KafkaRecord<String, String>> records,
            Supplier<? extends EventBatchHandler> handlers) {
        for (int attempt = 1;; attempt++) {
            EventBatchHandler handler = handlers.get();
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    List<IncomingEvent> events = new ArrayList<>(records.size());
                    for (KafkaRecord<String, String> record : records) {
                        events.add(IncomingEvent.from(record));
                    }
                    applyTraced(events, handler);
                });
                return;
            } catch (RuntimeException failure) {
                if (attempt >= ATTEMPTS || !isTransient(failure)) {
                    throw failure;
                }
                LOG.debugf("Retrying %d records after a transient failure: %s", records.size(), failure.getMessage());
            }
        }
    }

    /**
     * Each event is applied in its own span, continuing the producer's trace; what the poll then writes for a
     * customer (in {@code complete}, say) takes the origin of that customer's last event.
     */
    private void applyTraced(List<IncomingEvent> events, EventBatchHandler handler) {
        Map<String, EventTrace> origins = new HashMap<>();
        try (EventTrace.Binding bound = EventTrace.bind(origins)) {
            try (EventProcessing.LogContext log = EventProcessing.logContext(events)) {
                handler.begin(events);
            }
            for (IncomingEvent event : events) {
                EventProcessing.Processing processing = tracing.start(event);
                try {
                    if (event.subject() != null) {
                        origins.put(event.subject(), processing.origin());
                    }
                    handler.apply(event);
                } catch (RuntimeException failure) {
                    processing.failed(failure);
                    throw failure;
                } finally {
                    processing.close();
                }
            }
            try (EventProcessing.LogContext log = EventProcessing.logContext(events)) {
                handler.complete();
            }
        }
    }

    /**
     * The records sorted by key, each key's records in their own order (a stable sort; records without a key
     * first). Kafka orders records per partition only, so no consumer may rely on the order across keys; sorted, two
     * transactions writing the rows of the same keys (customers) take their locks in the same order and cannot
     * deadlock over them. Canonical UUID strings sort as PostgreSQL sorts the UUIDs.
     */
    static <R> List<R> inKeyOrder(List<R> records, Function<R, String> key) {
        List<R> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparing(key, Comparator.nullsFirst(Comparator.naturalOrder())));
        return sorted;
    }

    /** A deadlock or serialization failure (SQLSTATE class 40): the same work may well succeed if tried again. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }
}
