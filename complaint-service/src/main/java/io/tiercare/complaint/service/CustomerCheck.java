package io.tiercare.complaint.service;

import java.time.Duration;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.tiercare.chassis.problem.InvalidInputException;
import io.tiercare.complaint.repository.CustomerDirectory;
import io.tiercare.complaint.repository.CustomerDirectory.CustomerRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Decides whether a complaint may be filed for a customer, from the customers {@code customer.events} told us
 * about. A customer registered a moment ago may not have reached us yet: an unknown id is looked up again for up
 * to {@code tiercare.complaint.customer-lag-tolerance} before it is refused, so event lag never rejects a genuine
 * complaint. An erased customer is refused; a merged-away id files for the survivor.
 */
@ApplicationScoped
public class CustomerCheck {

    private static final Duration RETRY_EVERY = Duration.ofMillis(50);
    private static final int MAX_MERGE_HOPS = 10;

    private final CustomerDirectory directory;
    private final Duration lagTolerance;

    CustomerCheck(CustomerDirectory directory,
            @ConfigProperty(name = "tiercare.complaint.customer-lag-tolerance", defaultValue = "5s")
            Duration lagTolerance) {
        this.directory = directory;
        this.lagTolerance = lagTolerance;
    }

    /**
     * The customer the complaint is for; 400 naming {@code customerId} when there is none, they were erased, or
     * they are not the calling account manager's (told apart from none by nothing).
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public CustomerRef require(UUID customerId, Access access) {
        CustomerRef customer = awaitKnown(customerId);
        for (int hop = 0; customer.mergedInto() != null && hop < MAX_MERGE_HOPS; hop++) {
            customer = awaitKnown(customer.mergedInto());
        }
        // scope first: outside it, an erased customer is no customer at all
        if (!access.reaches(customer.accountManagerId())) {
            throw new InvalidInputException("customerId", "no customer " + customerId);
        }
        if (customer.erasedAt() != null) {
            throw new InvalidInputException("customerId", "customer " + customerId + " has been erased");
        }
        return customer;
    }

    private CustomerRef awaitKnown(UUID customerId) {
        long deadline = System.nanoTime() + lagTolerance.toNanos();
        while (true) {
            CustomerRef customer = directory.find(customerId).orElse(null);
            if (customer != null && (customer.erasedAt() != null || customer.mergedInto() != null
                    || customer.registered())) {
                return customer;
            }
            if (System.nanoTime() >= deadline) {
                throw new InvalidInputException("customerId", "no customer " + customerId);
            }
            try {
                Thread.sleep(RETRY_EVERY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while looking for customer " + customerId, e);
            }
        }
    }
}
