package io.tiercare.tiering.domain.event;

import java.util.UUID;

import io.tiercare.chassis.outbox.PublishedEvent;

/** What tiering-service publishes on {@code tier.events}, keyed by the customer. */
public sealed interface TierEvent extends PublishedEvent
        permits TierChanged, LifecycleChanged, DowngradeWarning, AppealDecided, CustomerErased {

    UUID customerId();
}
