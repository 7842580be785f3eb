package io.tiercare.care.domain.event;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.tiercare.chassis.outbox.PublishedEvent;

/**
 * What became of a message, as published on {@code care.events} ({@code tiercare.care.message-<outcome>.v1}): what
 * it was for, the channel and template, and the rule or error that stopped it. Never the text or the address.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageEvent(@JsonIgnore Outcome outcome, UUID messageId, UUID customerId, String occasion,
        String kind, String channel, String templateCode, Integer templateVersion, String rule, String error,
        Integer attempts, Instant at) implements PublishedEvent {

    @Override
    public String eventType() {
        return "tiercare.care." + outcome.typeName() + ".v1";
    }

    /** The outcome, and the event type's name. */
    public enum Outcome {
        SENT("message-sent"), SUPPRESSED("message-suppressed"), FAILED("message-failed");

        private final String typeName;

        Outcome(String typeName) {
            this.typeName = typeName;
        }

        public String typeName() {
            return typeName;
        }
    }
}
