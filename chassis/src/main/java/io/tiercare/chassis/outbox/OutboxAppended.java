package io.tiercare.chassis.outbox;

/** Fired when an event is appended; observed after commit to wake the relay at once instead of at the next poll. */
public record OutboxAppended() {
}
