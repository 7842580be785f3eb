package io.tiercare.complaint.service;

import java.time.Instant;
import java.util.UUID;

import io.tiercare.complaint.repository.ComplaintRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Erasure: an erased customer's complaints lose their personal text (title, description, contact, the
 * timeline's notes and the rating comments) while categories, channels, severities, times, SLA outcomes and
 * ratings stay for the statistics.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Anonymiser {

    public static final String ERASED = "[erased]";

    private final ComplaintRepository complaints;

    Anonymiser(ComplaintRepository complaints) {
        this.complaints = complaints;
    }

    /** Returns how many complaints were anonymised. */
    public int anonymise(UUID customerId, Instant erasedAt) {
        return complaints.anonymise(customerId, ERASED, erasedAt);
    }
}
