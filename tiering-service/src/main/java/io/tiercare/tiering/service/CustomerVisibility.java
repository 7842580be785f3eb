package io.tiercare.tiering.service;

import java.util.Optional;
import java.util.UUID;

import io.quarkus.security.identity.SecurityIdentity;
import io.tiercare.chassis.problem.ResourceNotFoundException;
import io.tiercare.chassis.security.Roles;
import io.tiercare.tiering.repository.MetricsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Who may see which customer's tiers: an account manager only their own customers (404 for the others). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CustomerVisibility {

    private final SecurityIdentity identity;
    private final MetricsRepository metrics;

    CustomerVisibility(SecurityIdentity identity, MetricsRepository metrics) {
        this.identity = identity;
        this.metrics = metrics;
    }

    /** Throws 404 unless the caller may see the customer. */
    public void require(UUID customerId) {
        if (!visible(customerId)) {
            throw ResourceNotFoundException.of("Customer", customerId);
        }
    }

    /** Whether the caller may see the customer (a merged id counts as its survivor). */
    public boolean visible(UUID customerId) {
        Optional<String> scope = Roles.managerScope(identity.getPrincipal().getName(), identity.getRoles());
        return scope.isEmpty()
                || scope.get().equals(metrics.accountManagerOf(metrics.resolve(customerId)).orElse(null));
    }
}
