package io.tiercare.chassis.job;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

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
 * Takes this replica's share of chunk messages: a service's {@code @Incoming} method on a work's topic hands each record
 * here. The chunk's claim in the database (not an inbox row) makes a redelivered chunk a no-op, so any replica may
 * receive any chunk; a database outage is waited out, never counted against the chunk; a deadlock with an event
 * consumer touching the same keys is tried again at once; any other failure is the chunk's failed attempt.
 */
@ApplicationScoped
public class ChunkMessages {

    private static final Logger LOG = Logger.getLogger(ChunkMessages.class);
    private static final int TRANSIENT_ATTEMPTS = 3;

    record Chunk(@NotNull UUID jobId, @NotNull @PositiveOrZero Integer chunk) {
    }

    private final EventDataReader reader;
    private final ChunkedJobs jobs;
    private final EventProcessing tracing;
    private final DatabaseOutage outage;

    ChunkMessages(EventDataReader reader, ChunkedJobs jobs, EventProcessing tracing, DatabaseOutage outage) {
        this.reader = reader;
        this.jobs = jobs;
        this.tracing = tracing;
        this.outage = outage;
    }

    /** Works through the record's chunk; a record of a type no work of this service declares is ignored. */
    public void take(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (jobs.workForMessage(event.type()).isEmpty()) {
            return;
        }
        Chunk chunk = reader.read(event, Chunk.class);
        try (EventProcessing.Processing processing = tracing.start(event)) {
            outage.outlast(() -> {
                run(chunk);
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
                    continue;
                }
                if (InfrastructureFailure.isInfrastructure(e)) {
                    throw e;
                }
                // the job keeps the error; the sweep publishes the chunk again if the job stalls
                LOG.warnf(e, "Chunk %d of job %s failed", chunk.chunk(), chunk.jobId());
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
