package io.tiercare.care.messaging;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tiercare.care.service.ReplanJobs;
import io.tiercare.chassis.events.EventDataReader;
import io.tiercare.chassis.events.IncomingEvent;
import io.tiercare.chassis.inbox.EventBatches;
import io.tiercare.chassis.outage.DatabaseOutage;
import io.tiercare.chassis.outage.InfrastructureFailure;
import io.tiercare.chassis.trace.EventProcessing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Takes this replica's share of bulk re-plan chunks. The chunk's claim in the database makes a redelivered chunk a
 * no-op, so any replica may receive any chunk; a database outage is waited out, never counted against the chunk.
 */
@ApplicationScoped
public class ReplanChunkConsumer {

    private static final Logger LOG = Logger.getLogger(ReplanChunkConsumer.class);
    private static final int TRANSIENT_ATTEMPTS = 3;

    record Chunk(@NotNull UUID jobId, @NotNull @PositiveOrZero Integer chunk) {
    }

    private final EventDataReader reader;
    private final ReplanJobs jobs;
    private final EventProcessing tracing;
    private final DatabaseOutage outage;

    ReplanChunkConsumer(EventDataReader reader, ReplanJobs jobs, EventProcessing tracing, DatabaseOutage outage) {
        this.reader = reader;
        this.jobs = jobs;
        this.tracing = tracing;
        this.outage = outage;
    }

    @Incoming("replan-chunks")
    @Blocking(value = "replan-workers", ordered = false)
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!ReplanJobs.CHUNK_TYPE.equals(event.type())) {
            return;
        }
        Chunk chunk = reader.read(event, Chunk.class);
        try (EventProcessing.Processing processing = tracing.start(event)) {
            outage.outlast(() -> {
                run(chunk);
                return null;
            });
        } catch (DatabaseOutage.ShuttingDown stopping) {
            LOG.infof("Stopping while chunk %d of re-plan job %s waits for the database", chunk.chunk(),
                    chunk.jobId());
        }
    }

    private void run(Chunk chunk) {
        for (int attempt = 1;; attempt++) {
            try {
                jobs.runChunk(chunk.jobId(), chunk.chunk());
                return;
            } catch (RuntimeException e) {
                if (attempt < TRANSIENT_ATTEMPTS && EventBatches.isTransient(e)) {
                    continue; // a deadlock with an event consumer re-planning the same customer: try again now
                }
                if (InfrastructureFailure.isInfrastructure(e)) {
                    throw e;
                }
                LOG.warnf(e, "Chunk %d of re-plan job %s failed", chunk.chunk(), chunk.jobId());
                jobs.chunkFailed(chunk.jobId(), chunk.chunk(), String.valueOf(e.getMessage()).lines().findFirst()
                        .orElse("failed"));
                return;
            }
        }
    }
}
