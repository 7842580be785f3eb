package io.tiercare.chassis.outbox;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An event a service publishes, as its domain returns it: it knows its own CloudEvents type (a constant {@code TYPE}
 * on the record, one JSON Schema per type under {@code events/}), so the publisher only chooses the topic and key.
 */
public interface PublishedEvent {

    @JsonIgnore
    String eventType();
}
