package io.tiercare.tiering.messaging;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tiercare.chassis.events.EventDataReader;
import io.tiercare.chassis.events.IncomingEvent;
import io.tiercare.tiering.service.EvaluationJobService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Takes this replica's share of bulk re-evaluation chunks. The chunk's claim in the database (not an inbox row)
 * makes a redelivered chunk a no-op, so any replica may receive any chunk.
 */
@ApplicationScoped
public class EvaluationChunkConsumer {

    record Chunk(@NotNull UUID jobId, @NotNull @PositiveOrZero Integer chunk) {
    }

    private final EventDataReader reader;
    private final EvaluationJobService jobs;

    EvaluationChunkConsumer(EventDataReader reader, EvaluationJobService jobs) {
        this.reader = reader;
        this.jobs = jobs;
    }

    @Incoming("evaluation-chunks")
    @Blocking(value = "evaluation-workers", ordered = false) // at most max-concurrency chunks at a time (see config)
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!EvaluationJobService.CHUNK_TYPE.equals(event.type())) {
            return;
        }
        Chunk chunk = reader.read(event, Chunk.class);
        jobs.runChunk(chunk.jobId(), chunk.chunk());
    }
}
