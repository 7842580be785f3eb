package io.tiercare.chassis.inbox;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.tiercare.chassis.events.IncomingEvent;
import io.tiercare.chassis.events.PoisonMessageException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Consumes Kafka records a poll at a time: one transaction for the whole batch (so the per-transaction cost, and
 * whatever the handler does in {@link EventBatchHandler#complete}, is paid once per poll instead of once per event).
 * If that transaction fails, nothing of it stays and the records are applied again one per transaction, so only a
 * record that fails on its own goes to the dead-letter topic (with the failure as its reason) and the others are
 * applied, in order.
 *
 * <p>The channel is configured with {@code batch=true} and the method, {@code @Blocking(ordered = true)}, returns
 * what {@link #apply} returns.
 */
@ApplicationScoped
public class EventBatches {

    private static final Logger LOG = Logger.getLogger(EventBatches.class);

    /** Applies the batch with a fresh handler per transaction, then acknowledges it. */
    public CompletionStage<Void> apply(KafkaRecordBatch<String, String> batch,
            Supplier<? extends EventBatchHandler> handlers) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        if (records.isEmpty()) {
            return batch.ack();
        }
        try {
            inTransaction(records, handlers.get());
            return batch.ack();
        } catch (RuntimeException failure) {
            if (records.size() == 1) {
                return records.get(0).nack(failure).thenCompose(ignored -> batch.ack());
            }
            if (failure instanceof PoisonMessageException) {
                LOG.debugf("A batch of %d records holds an unreadable one; applying them one at a time",
                        records.size());
            } else {
                LOG.warnf(failure, "A batch of %d records failed; applying them one at a time", records.size());
            }
        }
        CompletionStage<Void> deadLettered = CompletableFuture.completedFuture(null);
        for (KafkaRecord<String, String> record : records) {
            try {
                inTransaction(List.of(record), handlers.get());
            } catch (RuntimeException failure) {
                deadLettered = deadLettered.thenCompose(ignored -> record.nack(failure));
            }
        }
        return deadLettered.thenCompose(ignored -> batch.ack());
    }

    private static void inTransaction(List<KafkaRecord<String, String>> records, EventBatchHandler handler) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (KafkaRecord<String, String> record : records) {
                handler.apply(IncomingEvent.from(record));
            }
            handler.complete();
        });
    }
}
