package io.tiercare.customer.service;

import java.time.Instant;
import java.util.UUID;

import io.tiercare.customer.repository.PersonalDataRead;

/** One unmasked read of a customer's personal data by a person: who, with which roles, what, when, and the request. */
public record PersonalDataReadView(long id, String actor, String actorRoles, UUID customerId, String action,
        Instant occurredAt, String correlationId) {

    public static PersonalDataReadView of(PersonalDataRead read) {
        return new PersonalDataReadView(read.id(), read.actor(), read.actorRoles(), read.customerId(), read.action(),
                read.occurredAt(), read.correlationId());
    }
}
