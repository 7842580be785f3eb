package io.tiercare.chassis.job;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A bulk job and its progress: chunks and items done of the total, the work's own counts ({@link #count}), the last
 * error. {@code parameters} are what the starter recorded for the work to read (care: the plan version).
 */
public record ChunkedJob(UUID id, String kind, String reason, String requestedBy, Map<String, String> parameters,
        JobStatus status, int chunks, int chunksDone, int chunksFailed, int items, int itemsDone,
        Map<String, Long> tally, Instant startedAt, Instant finishedAt, String lastError) {

    public ChunkedJob {
        parameters = Map.copyOf(parameters);
        tally = Map.copyOf(tally);
    }

    /** The chunks' summed count of that name; zero before a chunk reported it. */
    public long count(String name) {
        return tally.getOrDefault(name, 0L);
    }

    public String parameter(String name) {
        return parameters.get(name);
    }
}
