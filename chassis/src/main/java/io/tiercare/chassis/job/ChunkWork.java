package io.tiercare.chassis.job;

import java.util.List;

/**
 * One kind of bulk job, as the service that owns the work declares it (a bean): where its chunk messages travel, which
 * keys it works through and what it does with one chunk of them. {@link ChunkedJobs} does the rest: the job and chunk
 * rows, the messages through the outbox, the once-only claim, the progress, retries and the stalled-job sweep.
 */
public interface ChunkWork {

    /** Its name, topic and message type. */
    JobKind kind();

    /** The keys to work through, in key order, cut into ranges of at most {@code size} (see {@link KeyRanges}). */
    List<KeyRange> ranges(int size);

    /** Works through the range's keys, inside the chunk's transaction; an exception rolls the chunk back. */
    ChunkOutcome run(ChunkedJob job, KeyRange range);

    /** Called in the transaction of the chunk that completed the job. */
    default void completed(ChunkedJob job) {
    }
}
