package io.tiercare.chassis.job;

import java.util.Map;

/** What one chunk did: how many items (customers) it worked through and its own counts, summed into the job's tally. */
public record ChunkOutcome(int items, Map<String, Long> tally) {

    public ChunkOutcome {
        tally = Map.copyOf(tally);
    }

    public static ChunkOutcome of(int items, String count, long value) {
        return new ChunkOutcome(items, Map.of(count, value));
    }

    public static ChunkOutcome of(int items, String count, long value, String other, long otherValue) {
        return new ChunkOutcome(items, Map.of(count, value, other, otherValue));
    }
}
