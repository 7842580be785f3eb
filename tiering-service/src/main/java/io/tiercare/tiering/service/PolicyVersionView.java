package io.tiercare.tiering.service;

import java.time.Instant;

import io.tiercare.tiering.domain.PolicyDefinition;
import io.tiercare.tiering.repository.SchemeRepository.PolicyVersion;

/** One version of a scheme's policy, with its author and note. */
public record PolicyVersionView(String schemeCode, int version, PolicyDefinition policy, String note,
        String createdBy, Instant createdAt) {

    public static PolicyVersionView of(PolicyVersion v) {
        return new PolicyVersionView(v.schemeCode(), v.version(), v.policy(), v.note(), v.createdBy(),
                v.createdAt());
    }
}
