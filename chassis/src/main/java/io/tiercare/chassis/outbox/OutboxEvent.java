package io.tiercare.chassis.outbox;

import java.util.Objects;

/**
 * An event to publish: its CloudEvents type (e.g. {@code tiercare.customer.registered.v1}), the topic, the subject
 * (the customer id, which is also the Kafka record key so each customer's events stay in order) and the data,
 * which is serialised to JSON.
 */
public record OutboxEvent(String topic, String type, String subject, Object data) {

    public OutboxEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(data, "data");
    }
}
