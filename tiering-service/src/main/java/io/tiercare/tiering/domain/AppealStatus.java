package io.tiercare.tiering.domain;

/** An appeal waits for a reviewer (PENDING), then the change stands (UPHELD) or is reversed (OVERTURNED). */
public enum AppealStatus {
    PENDING, UPHELD, OVERTURNED
}
