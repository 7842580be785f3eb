package io.tiercare.customer.repository;

import java.time.Instant;

import io.tiercare.customer.domain.CustomerStatus;
import io.tiercare.customer.domain.CustomerType;

/** Filters of the customer list; every one is optional and they combine with AND. */
public record CustomerSearch(String namePrefix, String mobilePhone, String email, CustomerType type,
        String province, String city, String tag, String accountManagerId, Instant createdFrom, Instant createdTo,
        CustomerStatus status) {
}
