package io.tiercare.complaint.service;

import java.time.Duration;
import java.util.UUID;

import io.tiercare.complaint.ComplaintConfig;
import io.tiercare.chassis.merge.MergeChain;
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
 * <p>
 * To an account manager, another manager's customer is no customer at all, in the answer and in its timing: it is
 * looked for again as an unknown id is (it may be reassigned meanwhile) and refused at the same moment. At most
 * {@code tiercare.complaint.customer-lag-waiters} requests wait at once; past that an id not found is refused at
 * once, so unknown ids cannot park the worker threads. Gauge {@code tiercare_complaint_customer_waiting}: how many
 * wait now.
 */
@ApplicationScoped
public class CustomerCheck {

    private static final Duration RETRY_EVERY = Duration.ofMillis(50);

    private final CustomerDirectory directory;
    private final Duration lagTolerance;
    private final java.util.concurrent.Semaphore waiters;

    CustomerCheck(CustomerDirectory directory, ComplaintConfig config,
            io.micrometer.core.instrument.MeterRegistry registry) {
        int waiters = config.customerLagWaiters();
        this.directory = directory;
        this.lagTolerance = config.customerLagTolerance();
        this.waiters = new java.util.concurrent.Semaphore(waiters);
        io.micrometer.core.instrument.Gauge.builder("tiercare.complaint.customer.waiting", this.waiters,
                s -> waiters - s.availablePermits())
                .description("Requests waiting for a customer not yet known (at most customer-lag-waiters)")
                .register(registry);
    }

    /**
     * The customer the complaint is for; 400 naming {@code customerId} when there is none, they were erased, or
     * they are not the calling account manager's (told apart from none by nothing).
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public CustomerRef require(UUID customerId, Access access) {
        CustomerRef customer = MergeChain.follow(customerId, awaitKnown(customerId, access), CustomerRef::mergedInto,
                survivor -> awaitKnown(survivor, access));
        // scope first: outside it, an erased customer is no customer at all
        if (!access.reaches(customer.accountManagerId())) {
            throw new InvalidInputException("customerId", "no customer " + customerId);
        }
        if (customer.erasedAt() != null) {
            throw new InvalidInputException("customerId", "customer " + customerId + " has been erased");
        }
        return customer;
    }

    /** The customer once known (and, to an account manager, theirs); else "no customer" after the tolerance. */
    private CustomerRef awaitKnown(UUID customerId, Access access) {
        CustomerRef found = known(customerId, access);
        if (found != null) {
            return found;
        }
        if (!waiters.tryAcquire()) {
            throw new InvalidInputException("customerId", "no customer " + customerId);
        }
        try {
            long deadline = System.nanoTime() + lagTolerance.toNanos();
            while (System.nanoTime() < deadline) {
                Thread.sleep(RETRY_EVERY.toMillis());
                found = known(customerId, access);
                if (found != null) {
                    return found;
                }
            }
            throw new InvalidInputException("customerId", "no customer " + customerId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while looking for customer " + customerId, e);
        } finally {
            waiters.release();
        }
    }

    private CustomerRef known(UUID customerId, Access access) {
        CustomerRef customer = directory.find(customerId).orElse(null);
        boolean settled = customer != null && (customer.erasedAt() != null || customer.mergedInto() != null
                || customer.registered());
        // a merged-away id is followed to its survivor before the scope is judged
        return settled && (customer.mergedInto() != null || access.reaches(customer.accountManagerId()))
                ? customer : null;
    }
}
