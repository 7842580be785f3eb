package io.tiercare.customer.service;

import static java.util.stream.Collectors.toSet;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.tiercare.chassis.merge.MergeChain;
import io.tiercare.chassis.problem.GoneException;
import io.tiercare.chassis.problem.ResourceNotFoundException;
import io.tiercare.chassis.security.Caller;
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

    /**
     * Where each of these ids leads, reading only the columns access depends on, all at once, the rows share-locked
     * until the transaction ends (purchase recording): a merged id maps to its survivor; unknown ids are absent.
     * Pass each to {@link #check}.
     */
    public Map<UUID, CustomerReference> references(Collection<UUID> ids) {
        Map<UUID, CustomerReference> known = new HashMap<>(customers.references(ids));
        for (int hops = 0;; hops++) {
            Set<UUID> survivors = known.values().stream().filter(ref -> ref.status() == CustomerStatus.MERGED)
                    .map(CustomerReference::mergedInto).filter(id -> !known.containsKey(id)).collect(toSet());
            if (survivors.isEmpty()) {
                break;
            }
            if (hops == MergeChain.MAX_HOPS) {
                throw MergeChain.tooLong(ids);
            }
            known.putAll(customers.references(survivors));
        }
        Map<UUID, CustomerReference> resolved = new HashMap<>();
        for (UUID id : ids) {
            CustomerReference ref = MergeChain.follow(id, known.get(id),
                    r -> r.status() == CustomerStatus.MERGED ? r.mergedInto() : null, known::get);
            if (ref != null) {
                resolved.put(id, ref);
            }
        }
        return resolved;
    }

    /** The customer {@code ref} that {@code id} led to, if the caller may see it (as {@link #visible}). */
    public CustomerReference check(Caller caller, UUID id, CustomerReference ref) {
        if (ref == null) {
            throw ResourceNotFoundException.of("Customer", id);
        }
        requireVisible(caller, id, ref.status(), ref.erasedAt(), ref.accountManagerId());
        return ref;
    }

    private Customer resolve(Caller caller, UUID id, LockModeType lock) {
        Customer customer = MergeChain.follow(id, customers.findByIdOptional(id, lock)
                .orElseThrow(() -> ResourceNotFoundException.of("Customer", id)),
                c -> c.status() == CustomerStatus.MERGED ? c.mergedInto() : null,
                survivor -> customers.findById(survivor, lock));
        requireVisible(caller, id, customer.status(), customer.erasedAt(), customer.accountManagerId());
        return customer;
    }

    private static void requireVisible(Caller caller, UUID id, CustomerStatus status, Instant erasedAt,
            String accountManagerId) {
        // scope first: outside it, an erased customer is exactly an unknown id (no erasure time, no 410)
        String scope = caller.managerScope().orElse(null);
        if (scope != null && !scope.equals(accountManagerId)) {
            throw ResourceNotFoundException.of("Customer", id);
        }
        if (status == CustomerStatus.ERASED) {
            throw new GoneException("Customer " + id + " was erased on " + erasedAt);
        }
    }
}
