package io.tiercare.tiering.messaging;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tiercare.chassis.events.EventDataReader;
import io.tiercare.chassis.events.IncomingEvent;
import io.tiercare.chassis.inbox.EventBatches;
import io.tiercare.chassis.outage.DatabaseOutage;
import io.tiercare.chassis.outage.InfrastructureFailure;
import io.tiercare.chassis.trace.EventProcessing;
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

    private static final Logger LOG = Logger.getLogger(EvaluationChunkConsumer.class);
    private static final int TRANSIENT_ATTEMPTS = 3;

    record Chunk(@NotNull UUID jobId, @NotNull @PositiveOrZero Integer chunk) {
    }

    private final EventDataReader reader;
    private final EvaluationJobService jobs;
    private final EventProcessing tracing;
    private final DatabaseOutage outage;

    EvaluationChunkConsumer(EventDataReader reader, EvaluationJobService jobs, EventProcessing tracing,
            DatabaseOutage outage) {
        this.reader = reader;
        this.jobs = jobs;
        this.tracing = tracing;
        this.outage = outage;
    }

    @Incoming("evaluation-chunks")
    @Blocking(value = "evaluation-workers", ordered = false) // at most max-concurrency chunks at a time (see config)
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!EvaluationJobService.CHUNK_TYPE.equals(event.type())) {
            return;
        }
        Chunk chunk = reader.read(event, Chunk.class);
        try (EventProcessing.Processing processing = tracing.start(event)) {
            outage.outlast(() -> {
                run(chunk); // a database outage is waited out: the chunk is not the job's failure
                return null;
            });
        } catch (DatabaseOutage.ShuttingDown stopping) {
            LOG.infof("Stopping while chunk %d of job %s waits for the database", chunk.chunk(), chunk.jobId());
        }
    }

    private void run(Chunk chunk) {
        for (int attempt = 1;; attempt++) {
            try {
                jobs.runChunk(chunk.jobId(), chunk.chunk());
                return;
            } catch (RuntimeException e) {
                if (attempt < TRANSIENT_ATTEMPTS && EventBatches.isTransient(e)) {
                    continue; // a deadlock with an event consumer grading the same customers: try again now
                }
                if (InfrastructureFailure.isInfrastructure(e)) {
                    throw e;
                }
                // the job keeps the error; the sweeper re-publishes the chunk if the job stalls
                LOG.warnf(e, "Chunk %d of evaluation job %s failed", chunk.chunk(), chunk.jobId());
                jobs.chunkFailed(chunk.jobId(), chunk.chunk(), rootMessage(e));
                return;
            }
        }
    }

    /** The innermost cause's first line: what went wrong, without the layers that wrapped it. */
    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }
}
