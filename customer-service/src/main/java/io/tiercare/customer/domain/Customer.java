package io.tiercare.customer.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.tiercare.customer.domain.event.CustomerEvent;
import io.tiercare.customer.domain.event.CustomerRegistered;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

/** A customer record (客户档案): the aggregate root of customer-service. */
@Entity
@Table(name = "customer")
public class Customer {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    private CustomerType type;

    private String name;

    private String mobilePhone;

    private Instant createdAt;

    private Instant updatedAt;

    @Version
    private long version;

    @Transient
    private final List<CustomerEvent> pendingEvents = new ArrayList<>();

    protected Customer() {
    }

    /** Creates a record; the phone must already be normalised ({@link MobilePhone}). */
    public static Customer register(CustomerType type, String name, String mobilePhone, Instant now) {
        Customer customer = new Customer();
        customer.id = UUID.randomUUID();
        customer.type = type;
        customer.name = name.strip();
        customer.mobilePhone = mobilePhone;
        customer.createdAt = now;
        customer.updatedAt = now;
        customer.pendingEvents.add(new CustomerRegistered(customer.id, type, customer.name, mobilePhone, now));
        return customer;
    }

    /** The events produced since the last call, for the service to append to the outbox. */
    public List<CustomerEvent> pullEvents() {
        List<CustomerEvent> events = List.copyOf(pendingEvents);
        pendingEvents.clear();
        return events;
    }

    public UUID id() {
        return id;
    }

    public CustomerType type() {
        return type;
    }

    public String name() {
        return name;
    }

    public String mobilePhone() {
        return mobilePhone;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
