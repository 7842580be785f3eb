package io.tiercare.tiering.service;

import java.time.Instant;
import java.util.UUID;

import io.tiercare.tiering.domain.TierAppeal;

/** An appeal against a tier change: the change, who filed it and why, and the decision once made. */
public record AppealView(UUID id, UUID customerId, String scheme, long changeId, String appealedFromTier,
        String appealedToTier, String reason, String filedBy, Instant filedAt, String status, String decisionReason,
        String decidedBy, Instant decidedAt) {

    public static AppealView of(TierAppeal a) {
        return new AppealView(a.id(), a.customerId(), a.scheme(), a.changeId(), a.appealedFromTier(),
                a.appealedToTier(), a.reason(), a.filedBy(), a.filedAt(), a.status().name(), a.decisionReason(),
                a.decidedBy(), a.decidedAt());
    }
}
