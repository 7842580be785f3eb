package io.tiercare.tiering.service;

import java.time.Instant;
import java.util.UUID;

import io.tiercare.tiering.domain.TierOverride;

/** A manual override of a customer's tier: who set it, why, until when, and how it ended. */
public record OverrideView(UUID id, UUID customerId, String scheme, String tier, String reason, Instant expiresAt,
        String createdBy, Instant createdAt, Instant endedAt, String endedBy, UUID appealId) {

    public static OverrideView of(TierOverride o) {
        return o == null ? null : new OverrideView(o.id(), o.customerId(), o.scheme(), o.tier(), o.reason(),
                o.expiresAt(), o.createdBy(), o.createdAt(), o.endedAt(), o.endedBy(), o.appealId());
    }
}
