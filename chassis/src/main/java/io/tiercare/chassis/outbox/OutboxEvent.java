package io.tiercare.chassis.outbox;

import java.util.Objects;

import io.tiercare.chassis.trace.EventTrace;

/**
 * An event to publish: its CloudEvents type (e.g. {@code tiercare.customer.registered.v1}), the topic, the subject
 * (the customer id, which is also the Kafka record key so each customer's events stay in order), the data, which is
 * serialised to JSON, and its origin (trace and correlation id), sent along so the consumers continue its trace.
 * An event without data is a tombstone ({@link #tombstone}): a record with no value, by which a compacted topic
 * forgets everything it holds for the key.
 */
public record OutboxEvent(String topic, String type, String subject, Object data, EventTrace origin) {

    public OutboxEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(origin, "origin");
    }

    /** An event caused by what this thread is doing for {@code subject} (see {@link EventTrace#of(String)}). */
    public OutboxEvent(String topic, String type, String subject, Object data) {
        this(topic, type, subject, data, EventTrace.of(subject));
        Objects.requireNonNull(data, "data");
    }

    /** The event under its own type, caused by what this thread is doing for {@code subject}. */
    public static OutboxEvent of(String topic, String subject, PublishedEvent event) {
        return new OutboxEvent(topic, event.eventType(), subject, event);
    }

    /**
     * A record with no value for the key {@code subject} (its CloudEvents attributes still in its headers): once the
     * log cleaner has passed, a compacted topic holds nothing of what it held before for that key.
     */
    public static OutboxEvent tombstone(String topic, String type, String subject) {
        return new OutboxEvent(topic, type, subject, null, EventTrace.of(subject));
    }

    /** Whether this is a tombstone. */
    public boolean isTombstone() {
        return data == null;
    }
}
