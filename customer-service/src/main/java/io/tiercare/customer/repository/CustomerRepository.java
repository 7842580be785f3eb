package io.tiercare.customer.repository;

import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.tiercare.customer.domain.Customer;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {

    public Optional<Customer> findByMobilePhone(String mobilePhone) {
        return find("mobilePhone", mobilePhone).firstResultOptional();
    }
}
