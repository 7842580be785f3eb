package io.tiercare.customer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** customer-service's configuration: every key under {@code tiercare.customer}, with its default. */
@ConfigMapping(prefix = "tiercare.customer")
public interface CustomerConfig {

    /** Threads that write recorded purchases together (group commit). */
    @WithDefault("1")
    int purchaseWriters();

    @WithName("import")
    Import importing();

    interface Import {

        /** CSV rows per import transaction. */
        @WithDefault("1000")
        int chunkSize();

        /** How often imports left open by a replica that stopped are looked for and resumed. */
        @WithDefault("15s")
        String pollEvery();
    }
}
