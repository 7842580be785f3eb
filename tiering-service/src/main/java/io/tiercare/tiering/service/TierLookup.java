package io.tiercare.tiering.service;

import java.util.UUID;

import io.quarkus.security.identity.SecurityIdentity;
import io.tiercare.chassis.problem.ResourceNotFoundException;
import io.tiercare.chassis.security.Caller;
import io.tiercare.tiering.repository.MetricsRepository;
import io.tiercare.tiering.repository.SchemeRepository;
import io.tiercare.tiering.repository.SchemeRepository.Scheme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The lookups every request starts with, answered 404 when they fail: a scheme by code, a customer tiering grades,
 * and whether the caller may see that customer (an account manager only their own).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TierLookup {

    private final SecurityIdentity identity;
    private final MetricsRepository metrics;
    private final SchemeRepository schemes;

    TierLookup(SecurityIdentity identity, MetricsRepository metrics, SchemeRepository schemes) {
        this.identity = identity;
        this.metrics = metrics;
        this.schemes = schemes;
    }

    public Scheme scheme(String code) {
        return schemes.find(code).orElseThrow(() -> ResourceNotFoundException.of("Tier scheme", code));
    }

    /** The customer this id stands for (a merged id: its survivor), known to tiering and not erased. */
    public UUID gradedCustomer(UUID customerId) {
        UUID id = metrics.resolve(customerId);
        if (metrics.load(id).isEmpty()) {
            throw ResourceNotFoundException.of("Customer", customerId);
        }
        return id;
    }

    /** Throws 404 unless the caller may see the customer. */
    public void requireVisible(UUID customerId) {
        if (!visible(customerId)) {
            throw ResourceNotFoundException.of("Customer", customerId);
        }
    }

    /** Whether the caller may see the customer (a merged id counts as its survivor). */
    public boolean visible(UUID customerId) {
        Caller caller = Caller.of(identity);
        return caller.managerScope().isEmpty()
                || caller.reaches(metrics.accountManagerOf(metrics.resolve(customerId)).orElse(null));
    }
}
