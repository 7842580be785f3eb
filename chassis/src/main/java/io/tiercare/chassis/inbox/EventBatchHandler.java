package io.tiercare.chassis.inbox;

import io.tiercare.chassis.events.IncomingEvent;

/**
 * What a consumer does with the events of one transaction: {@link #apply} for each, in order, then {@link #complete}
 * once, for work that is cheaper done once for them all (re-evaluating every customer they touched, say).
 */
public interface EventBatchHandler {

    /** Applies one event; a {@code PoisonMessageException} (or any failure) dead-letters it. */
    void apply(IncomingEvent event);

    /** Called once after the last event, in the same transaction. */
    default void complete() {
    }
}
