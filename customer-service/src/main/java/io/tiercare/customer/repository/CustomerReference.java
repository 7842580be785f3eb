package io.tiercare.customer.repository;

import java.time.Instant;
import java.util.UUID;

import io.tiercare.customer.domain.CustomerStatus;

/** What a write on a customer's sub-resources needs to know, without loading the whole record. */
public record CustomerReference(UUID id, CustomerStatus status, UUID mergedInto, String accountManagerId,
        Instant erasedAt) {
}
