package io.tiercare.tiering.service;

import java.math.BigDecimal;
import java.time.Instant;

import io.tiercare.tiering.repository.TierRepository.Change;

/** One change of a customer's tier in a scheme: from, to, which way, why, under which policy, and its explanation. */
public record ChangeView(long id, String scheme, String fromTier, String toTier, String direction, String reason,
        int policyVersion, BigDecimal score, Instant changedAt, String explanation) {

    public static ChangeView of(Change change) {
        return new ChangeView(change.id(), change.scheme(), change.fromTier(), change.toTier(), change.direction(),
                change.reason(), change.policyVersion(), change.score(), change.changedAt(), change.explanation());
    }
}
