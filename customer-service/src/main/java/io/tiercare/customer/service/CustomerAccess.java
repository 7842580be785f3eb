package io.tiercare.customer.service;

import java.util.UUID;

import io.tiercare.chassis.problem.GoneException;
import io.tiercare.chassis.problem.ResourceNotFoundException;
import io.tiercare.customer.domain.Customer;
import io.tiercare.customer.domain.CustomerStatus;
import io.tiercare.customer.repository.CustomerReference;
import io.tiercare.customer.repository.CustomerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/**
 * Finds the live record behind a customer id the caller may see: a merged id resolves to its survivor; an erased one
 * is gone (410); an account manager gets 404 for customers not assigned to them, as if they did not exist.
 */
@ApplicationScoped
public class CustomerAccess {

    private static final int MAX_MERGE_HOPS = 16;

    private final CustomerRepository customers;

    CustomerAccess(CustomerRepository customers) {
        this.customers = customers;
    }

    public Customer visible(Caller caller, UUID id) {
        return resolve(caller, id, LockModeType.NONE);
    }

    /** As {@link #visible}, with the row locked until the transaction ends (for changes that must not interleave). */
    public Customer locked(Caller caller, UUID id) {
        return resolve(caller, id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** As {@link #visible}, reading only the columns access depends on (the hot path of purchase recording). */
    public CustomerReference reference(Caller caller, UUID id) {
        CustomerReference ref = customers.reference(id).orElseThrow(() -> ResourceNotFoundException.of("Customer", id));
        for (int hops = 0; ref.status() == CustomerStatus.MERGED; hops++) {
            if (hops == MAX_MERGE_HOPS) {
                throw new IllegalStateException("merge chain of " + id + " longer than " + MAX_MERGE_HOPS);
            }
            ref = customers.reference(ref.mergedInto()).orElseThrow();
        }
        if (ref.status() == CustomerStatus.ERASED) {
            throw new GoneException("Customer " + id + " was erased on " + ref.erasedAt());
        }
        String scope = caller.managerScope().orElse(null);
        if (scope != null && !scope.equals(ref.accountManagerId())) {
            throw ResourceNotFoundException.of("Customer", id);
        }
        return ref;
    }

    private Customer resolve(Caller caller, UUID id, LockModeType lock) {
        Customer customer = customers.findByIdOptional(id, lock)
                .orElseThrow(() -> ResourceNotFoundException.of("Customer", id));
        for (int hops = 0; customer.status() == CustomerStatus.MERGED; hops++) {
            if (hops == MAX_MERGE_HOPS) {
                throw new IllegalStateException("merge chain of " + id + " longer than " + MAX_MERGE_HOPS);
            }
            customer = customers.findById(customer.mergedInto(), lock);
        }
        if (customer.status() == CustomerStatus.ERASED) {
            throw new GoneException("Customer " + id + " was erased on " + customer.erasedAt());
        }
        String scope = caller.managerScope().orElse(null);
        if (scope != null && !scope.equals(customer.accountManagerId())) {
            throw ResourceNotFoundException.of("Customer", id);
        }
        return customer;
    }
}
