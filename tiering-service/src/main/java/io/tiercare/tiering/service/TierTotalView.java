package io.tiercare.tiering.service;

import java.math.BigDecimal;

import io.tiercare.tiering.repository.DistributionRepository.TierTotal;

/** A tier's customers and their trailing-12-month revenue on a day. */
public record TierTotalView(String tier, long customers, BigDecimal revenue12m) {

    public static TierTotalView of(TierTotal t) {
        return new TierTotalView(t.tier(), t.customers(), t.revenue12m());
    }
}
