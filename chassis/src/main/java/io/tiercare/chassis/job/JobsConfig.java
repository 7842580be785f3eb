package io.tiercare.chassis.job;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bulk jobs ({@link ChunkedJobs}). */
@ConfigMapping(prefix = "tiercare.jobs")
public interface JobsConfig {

    /** Keys (customers) per chunk: one chunk is one transaction. */
    @WithDefault("500")
    int chunkSize();

    /** A job without progress this long has its undone chunks published again. */
    @WithDefault("5m")
    Duration chunkRetryAfter();

    /** Failed attempts before a chunk is given up. */
    @WithDefault("3")
    int chunkAttempts();

    /** How often stalled jobs are looked for ({@code off}: never, as in tests, which sweep on the test clock). */
    @WithDefault("1m")
    String sweepEvery();
}
