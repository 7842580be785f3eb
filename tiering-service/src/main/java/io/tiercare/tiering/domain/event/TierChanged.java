package io.tiercare.tiering.domain.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code tiercare.tier.changed.v1}: the public contract (only additive changes within v1). {@code reason} says who or
 * what decided, never free text a person wrote; {@code benefits}: what the new tier grants, as its policy states it
 * (absent when it states none).
 */
public record TierChanged(UUID customerId, String scheme, String fromTier, String toTier, String direction,
        String reason, int policyVersion, BigDecimal score, Instant effectiveAt, String explanation,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> benefits) implements TierEvent {

    public static final String TYPE = "tiercare.tier.changed.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}
