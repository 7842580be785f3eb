package io.tiercare.complaint;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** complaint-service's configuration: every key under {@code tiercare.complaint}, with its default. */
@ConfigMapping(prefix = "tiercare.complaint")
public interface ComplaintConfig {

    /** How long a complaint filed before its customer's registration arrived waits for it. */
    @WithDefault("5s")
    Duration customerLagTolerance();

    /** Requests that may wait so at once; more are refused at once. */
    @WithDefault("16")
    int customerLagWaiters();

    /** How often the SLA detector runs ({@code off} in tests, which run it on the test clock). */
    @WithDefault("30s")
    String detectorEvery();

    /** Milestones the detector claims per transaction. */
    @WithDefault("2000")
    int detectorBatch();

    /** Threads the detector works with. */
    @WithDefault("2")
    int detectorWorkers();

    /** A resolved complaint nobody reopened within this of its resolution is closed. */
    @WithDefault("7d")
    Duration autoCloseAfter();

    /** How often quiet resolved complaints are looked for ({@code off} in tests). */
    @WithDefault("5m")
    String autoCloseEvery();

    /** The value tiers, highest first, that SLA rules may name. */
    @WithDefault("CORE,IMPORTANT,BASIC,POTENTIAL")
    List<String> valueTiers();
}
