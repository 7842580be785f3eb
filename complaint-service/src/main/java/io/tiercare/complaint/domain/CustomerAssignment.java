package io.tiercare.complaint.domain;

import java.util.UUID;

import org.hibernate.annotations.Immutable;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Read-only view of who manages a customer (kept by the customer.events consumer), for queries scoped to one. */
@Entity
@Immutable
@Table(name = "customer_ref")
public class CustomerAssignment {

    @Id
    private UUID customerId;
    private String accountManagerId;

    protected CustomerAssignment() {
    }

    public UUID customerId() {
        return customerId;
    }

    public String accountManagerId() {
        return accountManagerId;
    }
}
