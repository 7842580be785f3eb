package io.tiercare.tiering.service;

import java.time.Instant;

import io.tiercare.tiering.domain.PolicyDefinition;
import io.tiercare.tiering.repository.SchemeRepository.Scheme;

/** A scheme with its current policy and that policy's version. */
public record SchemeView(String code, String name, String kind, String description, int version,
        PolicyDefinition policy, Instant updatedAt) {

    public static SchemeView of(Scheme s) {
        return new SchemeView(s.code(), s.name(), s.kind(), s.description(), s.version(), s.policy(), s.updatedAt());
    }
}
