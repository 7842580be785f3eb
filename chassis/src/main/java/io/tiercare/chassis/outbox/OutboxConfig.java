package io.tiercare.chassis.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "tiercare.outbox")
public interface OutboxConfig {

    /** CloudEvents source of this service's events. */
    @WithDefault("/tiercare/${quarkus.application.name}")
    String source();

    /** Whether this instance runs the relay at all. */
    @WithDefault("true")
    boolean relayEnabled();

    /** Rows published per transaction. */
    @WithDefault("500")
    int batchSize();

    /** How often the relay looks for rows when nothing woke it. */
    @WithDefault("1s")
    Duration pollInterval();

    /** First wait after a failed publication; doubles up to {@link #maxBackoff()}. */
    @WithDefault("500ms")
    Duration initialBackoff();

    @WithDefault("30s")
    Duration maxBackoff();

    /** How long the relay waits for the broker's acknowledgement of a batch. */
    @WithDefault("15s")
    Duration sendTimeout();

    /**
     * When a tombstone is appended again (see {@link TombstoneRepeat}): longer than the topic's time to roll its active
     * segment, {@code min(segment.ms, max.compaction.lag.ms)}, plus the relay's delay.
     */
    @WithDefault("65m")
    Duration tombstoneRepeatAfter();

    /** How often due tombstones are looked for. */
    @WithDefault("1m")
    Duration tombstoneCheckEvery();
}
