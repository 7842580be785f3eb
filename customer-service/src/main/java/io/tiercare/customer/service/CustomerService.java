package io.tiercare.customer.service;

import java.time.Clock;
import java.util.UUID;

import io.tiercare.chassis.problem.ConflictException;
import io.tiercare.chassis.problem.ResourceNotFoundException;
import io.tiercare.customer.domain.Customer;
import io.tiercare.customer.domain.CustomerType;
import io.tiercare.customer.domain.MobilePhone;
import io.tiercare.customer.messaging.CustomerEventPublisher;
import io.tiercare.customer.repository.CustomerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
@Transactional
public class CustomerService {

    private final CustomerRepository customers;
    private final CustomerEventPublisher events;
    private final Clock clock;

    CustomerService(CustomerRepository customers, CustomerEventPublisher events, Clock clock) {
        this.customers = customers;
        this.events = events;
        this.clock = clock;
    }

    public record RegisterCustomer(CustomerType type, String name, String mobilePhone) {
    }

    public CustomerView register(RegisterCustomer command) {
        String phone = MobilePhone.normalise("mobilePhone", command.mobilePhone());
        customers.findByMobilePhone(phone).ifPresent(existing -> {
            throw new ConflictException("mobilePhone already belongs to customer " + existing.id());
        });
        Customer customer = Customer.register(command.type(), command.name(), phone, clock.instant());
        customers.persist(customer);
        // flush so a concurrent duplicate fails here, inside the transaction, rather than at commit
        customers.flush();
        events.publish(customer.pullEvents());
        return CustomerView.of(customer, false);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CustomerView get(UUID id, boolean masked) {
        return customers.findByIdOptional(id).map(c -> CustomerView.of(c, masked))
                .orElseThrow(() -> ResourceNotFoundException.of("Customer", id));
    }
}
