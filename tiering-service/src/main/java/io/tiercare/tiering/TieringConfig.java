package io.tiercare.tiering;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** tiering-service's configuration: every key under {@code tiercare.tiering}, with its default. */
@ConfigMapping(prefix = "tiercare.tiering")
public interface TieringConfig {

    /** When the daily evaluation starts, in the business time zone ({@code off}: never, as in tests). */
    @WithDefault("0 5 0 * * ?")
    String dailyCron();

    /** Evaluation chunks this replica works on at once (each holds a database connection). */
    @WithDefault("2")
    int evaluationConcurrency();

    /** How long the override an overturned appeal sets lasts. */
    @WithDefault("P90D")
    Duration overturnedAppealHoldsFor();
}
