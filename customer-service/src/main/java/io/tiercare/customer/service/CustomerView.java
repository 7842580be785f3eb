package io.tiercare.customer.service;

import java.time.Instant;
import java.util.UUID;

import io.tiercare.customer.domain.Customer;
import io.tiercare.customer.domain.CustomerType;

/** A customer as the service hands it out: already masked where the caller may not see personal data. */
public record CustomerView(UUID id, CustomerType type, String name, String mobilePhone, Instant createdAt,
        Instant updatedAt, long version) {

    static CustomerView of(Customer customer, boolean masked) {
        String phone = masked ? mask(customer.mobilePhone()) : customer.mobilePhone();
        return new CustomerView(customer.id(), customer.type(), customer.name(), phone, customer.createdAt(),
                customer.updatedAt(), customer.version());
    }

    /** {@code +8613812341234} → {@code 138****1234}: the national number with the middle four digits hidden. */
    static String mask(String e164) {
        String national = e164.startsWith("+86") ? e164.substring(3) : e164;
        if (national.length() < 8) {
            return "****";
        }
        return national.substring(0, 3) + "****" + national.substring(national.length() - 4);
    }
}
