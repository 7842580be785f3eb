package io.tiercare.tiering.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tiercare.chassis.job.ChunkMessages;
import jakarta.enterprise.context.ApplicationScoped;

/** Takes this replica's share of bulk re-evaluation chunks (the chassis runs each one once). */
@ApplicationScoped
public class EvaluationChunkConsumer {

    private final ChunkMessages chunks;

    EvaluationChunkConsumer(ChunkMessages chunks) {
        this.chunks = chunks;
    }

    @Incoming("evaluation-chunks")
    @Blocking(value = "evaluation-workers", ordered = false) // at most max-concurrency chunks at a time (see config)
    public void consume(ConsumerRecord<String, String> record) {
        chunks.take(record);
    }
}
