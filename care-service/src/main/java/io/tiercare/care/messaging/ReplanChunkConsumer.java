package io.tiercare.care.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tiercare.chassis.job.ChunkMessages;
import jakarta.enterprise.context.ApplicationScoped;

/** Takes this replica's share of bulk re-plan chunks (the chassis runs each one once). */
@ApplicationScoped
public class ReplanChunkConsumer {

    private final ChunkMessages chunks;

    ReplanChunkConsumer(ChunkMessages chunks) {
        this.chunks = chunks;
    }

    @Incoming("replan-chunks")
    @Blocking(value = "replan-workers", ordered = false)
    public void consume(ConsumerRecord<String, String> record) {
        chunks.take(record);
    }
}
