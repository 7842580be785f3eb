package io.tiercare.tiering.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A line of a customer's tier history: {@code reason} is kept in the history (it may quote a person's words),
 * {@code told} is what the public event says instead (who or what decided, no free text).
 */
public record TierChange(UUID customerId, String scheme, String fromTier, String toTier, Direction direction,
        String reason, String told, int policyVersion, BigDecimal score, Instant changedAt, String summary) {
}
