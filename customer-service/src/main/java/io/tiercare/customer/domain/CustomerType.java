package io.tiercare.customer.domain;

/** A person or an organisation. */
public enum CustomerType {
    INDIVIDUAL,
    ENTERPRISE
}
