package io.tiercare.tiering.service;

import java.time.Instant;
import java.util.UUID;

import io.tiercare.chassis.job.ChunkedJob;

/** A bulk re-evaluation and its progress: chunks and customers done, tiers changed, the last error. */
public record JobView(UUID id, String reason, String requestedBy, String status, int chunks, int chunksDone,
        int chunksFailed, int customers, int customersDone, int changed, Instant startedAt, Instant finishedAt,
        String lastError) {

    public static JobView of(ChunkedJob j) {
        return j == null ? null : new JobView(j.id(), j.reason(), j.requestedBy(), j.status().name(), j.chunks(),
                j.chunksDone(), j.chunksFailed(), j.items(), j.itemsDone(), (int) j.count(EvaluationJobService.CHANGED),
                j.startedAt(), j.finishedAt(), j.lastError());
    }
}
