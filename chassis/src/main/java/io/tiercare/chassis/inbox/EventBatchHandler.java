package io.tiercare.chassis.inbox;

import java.util.List;

import io.tiercare.chassis.events.IncomingEvent;

/**
 * What a consumer does with the events of one transaction: {@link #begin} with them all, {@link #apply} for each, in
 * order, then {@link #complete} once, for work that is cheaper done once for them all (re-evaluating every customer
 * they touched, say).
 */
public interface EventBatchHandler {

    /**
     * Called first, in the transaction, with every event it will apply: the place to lock what they touch in a fixed
     * order (by id, say), so that two transactions touching the same rows in different orders cannot deadlock.
     */
    default void begin(List<IncomingEvent> events) {
    }

    /** Applies one event; a {@code PoisonMessageException} (or any failure) dead-letters it. */
    void apply(IncomingEvent event);

    /** Called once after the last event, in the same transaction. */
    default void complete() {
    }
}
