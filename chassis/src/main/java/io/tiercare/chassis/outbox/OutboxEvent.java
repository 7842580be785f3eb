package io.tiercare.chassis.outbox;

import java.util.Objects;

import io.tiercare.chassis.trace.EventTrace;

/**
 * An event to publish: its CloudEvents type (e.g. {@code tiercare.customer.registered.v1}), the topic, the subject
 * (the customer id, which is also the Kafka record key so each customer's events stay in order), the data, which is
 * serialised to JSON, and its origin (trace and correlation id), sent along so the consumers continue its trace.
 */
public record OutboxEvent(String topic, String type, String subject, Object data, EventTrace origin) {

    public OutboxEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(origin, "origin");
    }

    /** An event caused by what this thread is doing for {@code subject} (see {@link EventTrace#of(String)}). */
    public OutboxEvent(String topic, String type, String subject, Object data) {
        this(topic, type, subject, data, EventTrace.of(subject));
    }
}
