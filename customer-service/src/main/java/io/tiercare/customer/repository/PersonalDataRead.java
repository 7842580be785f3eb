package io.tiercare.customer.repository;

import java.time.Instant;
import java.util.UUID;

/** One unmasked read of a customer's personal data by a person. */
public record PersonalDataRead(long id, String actor, String actorRoles, UUID customerId, String action,
        Instant occurredAt, String correlationId) {
}
