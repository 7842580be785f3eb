package io.tiercare.tiering.domain.event;

import java.util.UUID;

/** What tiering-service publishes on {@code tier.events}, keyed by the customer. */
public sealed interface TierEvent permits TierChanged, LifecycleChanged, DowngradeWarning, AppealDecided,
        CustomerErased {

    UUID customerId();

    /** The CloudEvents type. */
    String type();
}
